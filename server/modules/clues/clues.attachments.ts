import type { Readable } from 'node:stream';
import type { ClueAttachment } from '../../../contracts/clues.js';
import type { Ctx } from '../../platform/context.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import type { Attachment } from '../../../contracts/system.js';
import { openAttachment, prepareAttachment, recordAttachment } from '../../platform/storage/attachments.service.js';
import { appendClueStep } from './steps/steps.append.js';
import { auditClue } from './clues.audit.js';
import { requireClue, type LoadedClue } from './clues.load.js';

/** Files go in and out only for those running the clue, or its registrar before the hand-over. */
function handlesFiles(c: LoadedClue): boolean {
  return !c.restricted && !c.row.erased_at;
}

async function mayReadClueFile(ctx: Ctx, clueId: string): Promise<boolean> {
  try {
    return handlesFiles(await requireClue(ctx.deps.db, ctx, clueId));
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

registerAttachmentOwner('clue', mayReadClueFile);

/** Stores one file encrypted (SM4, bound to the attachment id) for the clue; the step records its hash only. */
export async function addClueAttachment(ctx: Ctx, clueId: string, file: { name: string; data: Buffer }): Promise<ClueAttachment> {
  if (!handlesFiles(await requireClue(ctx.deps.db, ctx, clueId))) throw notFound('clue');
  const prepared = await prepareAttachment(ctx, { ...file, ownerType: 'clue', ownerId: clueId, encrypt: true });
  try {
    const a: Attachment = await transact(ctx, async (tx) => {
      if (!handlesFiles(await requireClue(tx, ctx, clueId))) throw notFound('clue');
      const stored = await recordAttachment(tx, prepared);
      await appendClueStep(tx, ctx, clueId, 'attachment_added', { attachmentId: stored.id, sm3: stored.sm3, size: stored.size, mime: stored.mime });
      await auditClue(tx, ctx, 'clue.attachment_add', clueId);
      return stored;
    });
    return { id: a.id, name: a.name, mime: a.mime, size: a.size, createdAt: a.createdAt };
  } catch (e) {
    await prepared.discard();
    throw e;
  }
}

/** One file of this clue; the read policy above decides whether the caller may have it. */
export function openClueAttachment(ctx: Ctx, clueId: string, attachmentId: string): Promise<{ attachment: Attachment; body: Readable }> {
  return openAttachment(ctx, attachmentId, { ownerType: 'clue', ownerId: clueId });
}
