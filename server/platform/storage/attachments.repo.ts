import type { Db, Tx } from '../context.js';
import type { AttachmentTable } from './storage.tables.js';
import { DRAFT } from './attachment-owners.js';

export type AttachmentRow = AttachmentTable;

/** The record an attachment belongs to. */
export interface AttachmentOwner {
  ownerType: string;
  ownerId: string;
}

export async function insertAttachment(tx: Tx, row: AttachmentRow): Promise<void> {
  await tx.insertInto('attachment').values(row).execute();
}

export function findAttachment(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('attachment').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function listOwnedAttachments(db: Db | Tx, tenantId: string, ownerType: string, ownerId: string) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Moves the uploader's own drafts to a record; returns how many moved (fewer means some were not theirs). */
export async function claimDrafts(tx: Tx, tenantId: string, ids: string[], uploader: string, ownerType: string, ownerId: string): Promise<number> {
  const r = await tx
    .updateTable('attachment')
    .set({ owner_type: ownerType, owner_id: ownerId })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('owner_type', '=', DRAFT)
    .where('created_by', '=', uploader)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Gives every attachment of one record to another (a record whose content moves on keeps its files). */
export async function reassignOwner(tx: Tx, tenantId: string, from: AttachmentOwner, to: AttachmentOwner): Promise<void> {
  await tx
    .updateTable('attachment')
    .set({ owner_type: to.ownerType, owner_id: to.ownerId })
    .where('tenant_id', '=', tenantId)
    .where('owner_type', '=', from.ownerType)
    .where('owner_id', '=', from.ownerId)
    .execute();
}

/** Deletes every attachment row of one record; returns their storage keys for the bytes to go after commit. */
export async function deleteOwned(tx: Tx, tenantId: string, ownerType: string, ownerId: string): Promise<string[]> {
  const rows = await tx
    .deleteFrom('attachment')
    .where('tenant_id', '=', tenantId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .returning('storage_key')
    .execute();
  return rows.map((r) => r.storage_key);
}

export async function deleteDraft(tx: Tx, tenantId: string, id: string): Promise<number> {
  const r = await tx.deleteFrom('attachment').where('tenant_id', '=', tenantId).where('id', '=', id).where('owner_type', '=', DRAFT).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Drafts nobody attached before `cutoff`, a batch at a time; the state is re-checked in the DELETE itself. */
export async function deleteStaleDrafts(db: Db, tenantId: string, cutoff: string, limit: number): Promise<string[]> {
  const batch = db.selectFrom('attachment').select('id').where('tenant_id', '=', tenantId).where('owner_type', '=', DRAFT).where('created_at', '<', cutoff).limit(limit);
  const rows = await db
    .deleteFrom('attachment')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', batch)
    .where('owner_type', '=', DRAFT)
    .where('created_at', '<', cutoff)
    .returning('storage_key')
    .execute();
  return rows.map((r) => r.storage_key);
}
