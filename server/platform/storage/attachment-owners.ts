import type { Ctx } from '../context.js';

/** Whether the caller may download the attachments of one record; modules answer with their own policy. */
export type AttachmentReadPolicy = (ctx: Ctx, ownerId: string) => Promise<boolean>;

/** Uploaded but not yet attached to a record: only the uploader sees it, and may still discard it. */
export const DRAFT = 'draft';

const OWNER_TYPE = /^[a-z][a-z0-9_]{0,39}$/;
const policies = new Map<string, AttachmentReadPolicy>();

/**
 * Declares an owner type (`person`, `complaint`, ...) and who may download its attachments. Call it once at
 * module load; an attachment whose owner type has no policy is served to nobody.
 */
export function registerAttachmentOwner(ownerType: string, mayRead: AttachmentReadPolicy): void {
  if (!OWNER_TYPE.test(ownerType) || ownerType === DRAFT) throw new Error(`invalid attachment owner type "${ownerType}"`);
  const known = policies.get(ownerType);
  if (known && known !== mayRead) throw new Error(`attachment owner type "${ownerType}" is registered twice`);
  policies.set(ownerType, mayRead);
}

export function readPolicyOf(ownerType: string): AttachmentReadPolicy | null {
  return policies.get(ownerType) ?? null;
}
