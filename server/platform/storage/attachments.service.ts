import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Attachment } from '../../../contracts/system.js';
import type { Ctx, Db, Tx } from '../context.js';
import { userId } from '../context.js';
import { writeAudit } from '../audit/audit.js';
import { localDate, nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';
import { transact } from '../db/transact.js';
import { AppError, invalidState, notFound } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { DRAFT, readPolicyOf } from './attachment-owners.js';
import * as repo from './attachments.repo.js';
import { attachmentName } from './file-name.js';
import { sniffContent } from './sniff.js';

const MIB = 1024 * 1024;

export function presentAttachment(r: repo.AttachmentRow): Attachment {
  return { id: r.id, name: r.name, mime: r.mime, size: Number(r.size), sm3: r.sm3, createdAt: r.created_at };
}

/** The tenant's upload limit in bytes (setting `system.uploads.maxMegabytes`). */
export async function uploadLimitBytes(ctx: Ctx): Promise<number> {
  return (await loadSettings(ctx.deps.db, ctx.tenantId))['system.uploads.maxMegabytes'] * MIB;
}

export interface StoreAttachment {
  name: string;
  data: Buffer;
  /** `draft` (with a null owner id) until a record claims it, or a type declared with registerAttachmentOwner. */
  ownerType: string;
  ownerId: string | null;
}

export interface PreparedAttachment {
  row: repo.AttachmentRow;
  /** Removes the stored bytes again (the caller's transaction failed). */
  discard(): Promise<void>;
}

/**
 * Checks one file and writes its bytes to storage (the local driver fsyncs them) under a generated key;
 * with `encrypt` the bytes are an SM4 envelope bound to the attachment id. The row is not written yet:
 * the caller records it in its own transaction and discards the bytes if that fails.
 */
export async function prepareAttachment(ctx: Ctx, input: StoreAttachment & { encrypt?: boolean }): Promise<PreparedAttachment> {
  const limit = await uploadLimitBytes(ctx);
  if (input.data.length > limit) throw new AppError('FILE_TOO_LARGE', { maxMegabytes: limit / MIB });
  const type = sniffContent(input.data);
  const id = newId();
  const row: repo.AttachmentRow = {
    tenant_id: ctx.tenantId,
    id,
    sm3: ctx.deps.crypto.sm3(input.data),
    size: input.data.length,
    mime: type.mime,
    name: attachmentName(input.name, type),
    storage_key: `${ctx.tenantId}/${localDate(ctx.deps.clock.now()).slice(0, 7).replace('-', '/')}/${crypto.randomUUID()}`,
    owner_type: input.ownerType,
    owner_id: input.ownerId,
    created_by: userId(ctx),
    created_at: nowIso(ctx.deps.clock),
    encrypted: input.encrypt ? 1 : 0,
  };
  const bytes = input.encrypt ? ctx.deps.crypto.encryptBytes(ctx.tenantId, input.data, `attachment:${id}`) : input.data;
  await ctx.deps.storage.put(row.storage_key, bytes);
  return { row, discard: () => removeBytes(ctx, row.storage_key) };
}

/** Writes a prepared attachment's row inside the caller's transaction. */
export async function recordAttachment(tx: Tx, prepared: PreparedAttachment): Promise<Attachment> {
  await repo.insertAttachment(tx, prepared.row);
  return presentAttachment(prepared.row);
}

/**
 * Checks and keeps one file on its own: bytes first, then the row and its audit event commit together;
 * if that transaction fails the bytes are removed again, so a row never points at nothing and stray
 * bytes only survive a crash in between.
 */
export async function storeAttachment(ctx: Ctx, input: StoreAttachment): Promise<Attachment> {
  const uploader = userId(ctx);
  if (input.ownerType === DRAFT ? input.ownerId !== null || !uploader : !input.ownerId || !readPolicyOf(input.ownerType)) {
    throw new Error(`cannot store an attachment for owner ${input.ownerType}:${input.ownerId}`);
  }
  const prepared = await prepareAttachment(ctx, input);
  const { row } = prepared;
  try {
    return await transact(ctx, async (tx) => {
      const attachment = await recordAttachment(tx, prepared);
      await writeAudit(tx, ctx, {
        action: 'attachment.upload',
        objectType: 'attachment',
        objectId: row.id,
        details: { ownerType: row.owner_type, ownerId: row.owner_id, mime: row.mime, size: row.size, sm3: row.sm3 },
      });
      return attachment;
    });
  } catch (e) {
    await prepared.discard();
    throw e;
  }
}

async function removeBytes(ctx: Ctx, key: string): Promise<void> {
  try {
    await ctx.deps.storage.delete(key);
  } catch (err) {
    ctx.deps.log.error({ err, key }, 'attachment bytes left behind');
  }
}

/**
 * Attaches the caller's own drafts to a record inside the caller's transaction (the caller writes the
 * audit event). Any id that is not one of the caller's drafts fails the whole call with NOT_FOUND.
 */
export async function claimAttachments(tx: Tx, ctx: Ctx, ids: string[], ownerType: string, ownerId: string): Promise<Attachment[]> {
  if (!readPolicyOf(ownerType)) throw new Error(`attachment owner type "${ownerType}" is not registered`);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const uploader = userId(ctx);
  if (!uploader || (await repo.claimDrafts(tx, ctx.tenantId, unique, uploader, ownerType, ownerId)) !== unique.length) throw notFound('attachment');
  const owned = await repo.listOwnedAttachments(tx, ctx.tenantId, ownerType, ownerId);
  return owned.filter((r) => unique.includes(r.id)).map(presentAttachment);
}

/**
 * Hands every attachment of one record to another inside the caller's transaction (the caller audits):
 * the files follow their content when a record becomes another kind (a complaint turned into a clue).
 */
export async function moveAttachments(tx: Tx, ctx: Ctx, from: repo.AttachmentOwner, to: repo.AttachmentOwner): Promise<void> {
  if (!readPolicyOf(to.ownerType)) throw new Error(`attachment owner type "${to.ownerType}" is not registered`);
  await repo.reassignOwner(tx, ctx.tenantId, from, to);
}

/**
 * Deletes a record's attachments inside the caller's transaction (the caller audits) and returns their
 * storage keys: pass them to removeAttachmentBytes once that transaction has committed.
 */
export function deleteAttachmentsOf(tx: Tx, ctx: Ctx, ownerType: string, ownerId: string): Promise<string[]> {
  return repo.deleteOwned(tx, ctx.tenantId, ownerType, ownerId);
}

/** Removes the bytes of attachments whose rows are gone; a failure is logged, the rows stay gone. */
export async function removeAttachmentBytes(ctx: Ctx, keys: readonly string[]): Promise<void> {
  for (const key of keys) await removeBytes(ctx, key);
}

/** A record's attachments, for the owning module to present once it has authorized the caller. */
export async function attachmentsOf(db: Db | Tx, ctx: Ctx, ownerType: string, ownerId: string): Promise<Attachment[]> {
  return (await repo.listOwnedAttachments(db, ctx.tenantId, ownerType, ownerId)).map(presentAttachment);
}

async function mayRead(ctx: Ctx, row: repo.AttachmentRow): Promise<boolean> {
  if (row.owner_type === DRAFT) return row.created_by !== null && row.created_by === userId(ctx);
  const policy = readPolicyOf(row.owner_type);
  return !!policy && !!row.owner_id && (await policy(ctx, row.owner_id));
}

/**
 * The file for download; anything the caller may not read does not exist for them. With `of`, a file of
 * any other record does not exist either (a module serving files under its own record's route).
 */
export async function openAttachment(ctx: Ctx, id: string, of?: repo.AttachmentOwner): Promise<{ attachment: Attachment; body: Readable }> {
  const row = await repo.findAttachment(ctx.deps.db, ctx.tenantId, id);
  if (!row || (of && (row.owner_type !== of.ownerType || row.owner_id !== of.ownerId)) || !(await mayRead(ctx, row))) throw notFound('attachment');
  const body = await ctx.deps.storage.get(row.storage_key);
  if (!row.encrypted) return { attachment: presentAttachment(row), body };
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return { attachment: presentAttachment(row), body: Readable.from(ctx.deps.crypto.decryptBytes(ctx.tenantId, Buffer.concat(chunks), `attachment:${row.id}`)) };
}

/** The uploader throws away a draft; the bytes go once the row is gone. */
export async function discardDraft(ctx: Ctx, id: string): Promise<void> {
  const key = await transact(ctx, async (tx) => {
    const row = await repo.findAttachment(tx, ctx.tenantId, id);
    if (!row || row.created_by === null || row.created_by !== userId(ctx)) throw notFound('attachment');
    if (row.owner_type !== DRAFT || (await repo.deleteDraft(tx, ctx.tenantId, id)) !== 1) throw invalidState('attached');
    await writeAudit(tx, ctx, { action: 'attachment.delete', objectType: 'attachment', objectId: id, details: { sm3: row.sm3 } });
    return row.storage_key;
  });
  await removeBytes(ctx, key);
}
