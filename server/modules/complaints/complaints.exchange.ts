import type { Rating } from '../../../contracts/complaints.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { seal, unseal } from './complaints.create.js';

/**
 * What the staff side and the portal both write and read about one complaint: timeline events, messages
 * (public two-way exchange or internal notes) and the reporter's ratings. Every text is sealed to its own
 * row (`complaint:<field>:<row id>`), so both sides must go through these functions.
 */
const EVENT_NOTE = 'event_note';
const MESSAGE_BODY = 'message_body';
const RATING_COMMENT = 'rating_comment';

export type Visibility = 'public' | 'internal';

/**
 * One timeline entry. `public` marks a stage the reporter may learn of (its kind and time); the note of
 * any event is for staff only.
 */
export async function recordEvent(tx: Tx, ctx: Ctx, complaintId: string, kind: string, visibility: Visibility, note?: string | null): Promise<void> {
  const id = newId();
  await tx
    .insertInto('complaint_event')
    .values({ tenant_id: ctx.tenantId, id, complaint_id: complaintId, at: nowIso(ctx.deps.clock), actor_id: userId(ctx), kind, note_enc: seal(ctx, EVENT_NOTE, id, note), visibility })
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
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, actorName: r.actor_name, note: unseal(ctx, EVENT_NOTE, r.id, r.note_enc) ?? '', visibility: r.visibility }));
}

/** A message from the reporter or a handler (`public`), or a handler's note (`internal`). */
export async function addMessage(tx: Tx, ctx: Ctx, complaintId: string, author: 'reporter' | 'handler', visibility: Visibility, body: string): Promise<string> {
  const id = newId();
  await tx
    .insertInto('complaint_message')
    .values({
      tenant_id: ctx.tenantId, id, complaint_id: complaintId, author, author_user_id: author === 'handler' ? userId(ctx) : null,
      body_enc: seal(ctx, MESSAGE_BODY, id, body)!, visibility, at: nowIso(ctx.deps.clock),
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
  return rows.map((r) => ({ id: r.id, from: r.author, body: unseal(ctx, MESSAGE_BODY, r.id, r.body_enc) ?? '', at: r.at, authorName: r.author_name }));
}

export async function ratingsOf(db: Db | Tx, ctx: Ctx, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_rating')
    .select(['id', 'round', 'rating', 'comment_enc', 'at'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('complaint_id', '=', complaintId)
    .orderBy('round')
    .execute();
  return rows.map((r) => ({ round: r.round, rating: r.rating, comment: unseal(ctx, RATING_COMMENT, r.id, r.comment_enc) ?? '', at: r.at }));
}

/**
 * The reporter rates an answered complaint: round 1, or round 2 after a 重办 (the round is the number of
 * redos plus one, and the unique index keeps one rating per round). 已答复 → 已评价; a 不满意 counts
 * towards the red SLA colour. The caller (the portal) authenticates the reporter and audits.
 */
export async function rateComplaint(tx: Tx, ctx: Ctx, complaintId: string, input: { rating: Rating; comment?: string }): Promise<void> {
  const c = await tx.selectFrom('complaint').select(['status', 'redos', 'dissatisfied']).where('tenant_id', '=', ctx.tenantId).where('id', '=', complaintId).executeTakeFirst();
  if (!c) throw notFound('complaint');
  if (c.status !== 'answered') throw new AppError('STATE_INVALID', { action: 'rate', state: c.status });
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  await tx
    .insertInto('complaint_rating')
    .values({ tenant_id: ctx.tenantId, id, complaint_id: complaintId, round: c.redos + 1, rating: input.rating, comment_enc: seal(ctx, RATING_COMMENT, id, input.comment), at })
    .execute();
  await tx
    .updateTable('complaint')
    .set({ status: 'rated', rated_at: at, dissatisfied: c.dissatisfied + (input.rating === 'dissatisfied' ? 1 : 0), updated_at: at })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', complaintId)
    .execute();
  await recordEvent(tx, ctx, complaintId, 'rated', 'public');
}
