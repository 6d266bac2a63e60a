import type { Ctx, Db, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';

/**
 * What staff write and read beside a complaint: timeline events, messages (the public two-way exchange
 * or internal notes) and the reporter's ratings. Every text of a child row is sealed to that row as
 * `<table>:<field>:<row id>`; the portal seals the reporter's messages and rating comments the same way.
 */
export const eventNoteAad = (id: string) => `complaint_event:note:${id}`;
export const messageAad = (id: string) => `complaint_message:body:${id}`;
export const ratingCommentAad = (id: string) => `complaint_rating:comment:${id}`;

const sealTo = (ctx: Ctx, aad: string, text: string | null | undefined) => (text ? ctx.deps.crypto.encrypt(ctx.tenantId, text, aad) : null);
const openFrom = (ctx: Ctx, aad: string, envelope: string | null) => (envelope ? ctx.deps.crypto.decrypt(ctx.tenantId, envelope, aad) : '');

export type Visibility = 'public' | 'internal';

/**
 * One timeline entry. `public` marks a stage the reporter may learn of (its kind and time); the note of
 * any event is for staff only.
 */
export async function recordEvent(tx: Tx, ctx: Ctx, complaintId: string, kind: string, visibility: Visibility, note?: string | null): Promise<void> {
  const id = newId();
  await tx
    .insertInto('complaint_event')
    .values({ tenant_id: ctx.tenantId, id, complaint_id: complaintId, at: nowIso(ctx.deps.clock), actor_id: userId(ctx), kind, note_enc: sealTo(ctx, eventNoteAad(id), note), visibility })
    .execute();
}

export async function eventsOf(db: Db | Tx, ctx: Ctx, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_event as e')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.id', 'e.at', 'e.kind', 'e.note_enc', 'e.visibility', 'u.display_name as actor_name'])
    .where('e.tenant_id', '=', ctx.tenantId)
    .where('e.complaint_id', '=', complaintId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, actorName: r.actor_name, note: openFrom(ctx, eventNoteAad(r.id), r.note_enc), visibility: r.visibility }));
}

/** A message from the reporter or a handler (`public`), or a handler's note (`internal`). */
export async function addMessage(tx: Tx, ctx: Ctx, complaintId: string, author: 'reporter' | 'handler', visibility: Visibility, body: string): Promise<string> {
  const id = newId();
  await tx
    .insertInto('complaint_message')
    .values({
      tenant_id: ctx.tenantId, id, complaint_id: complaintId, author, author_user_id: author === 'handler' ? userId(ctx) : null,
      body_enc: sealTo(ctx, messageAad(id), body)!, visibility, at: nowIso(ctx.deps.clock),
    })
    .execute();
  return id;
}

/** Messages of one visibility, oldest first. `authorName` is for staff eyes only: the reporter view drops it. */
export async function messagesOf(db: Db | Tx, ctx: Ctx, complaintId: string, visibility: Visibility) {
  const rows = await db
    .selectFrom('complaint_message as m')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.author_user_id'))
    .select(['m.id', 'm.author', 'm.body_enc', 'm.at', 'u.display_name as author_name'])
    .where('m.tenant_id', '=', ctx.tenantId)
    .where('m.complaint_id', '=', complaintId)
    .where('m.visibility', '=', visibility)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ id: r.id, from: r.author, body: openFrom(ctx, messageAad(r.id), r.body_enc), at: r.at, authorName: r.author_name }));
}

export async function ratingsOf(db: Db | Tx, ctx: Ctx, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_rating')
    .select(['id', 'round', 'rating', 'comment_enc', 'at'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('complaint_id', '=', complaintId)
    .orderBy('round')
    .execute();
  return rows.map((r) => ({ round: r.round, rating: r.rating, comment: openFrom(ctx, ratingCommentAad(r.id), r.comment_enc), at: r.at }));
}
