import type { Rating, ReporterView } from '../../../../contracts/complaints.js';
import type { Ctx, Db, Tx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { transact } from '../../../platform/db/transact.js';
import { invalidState } from '../../../platform/http/errors.js';
import { unseal } from '../complaints.create.js';
import { dropReporterView, keptReporterView } from '../reporter-views.js';
import * as repo from './portal.repo.js';
import { endReporterSession, type ReporterGrant } from './reporter-session.js';

/** AADs of the child tables: `<table>:<field>:<row id>`, as the staff side writes them. */
export const messageAad = (id: string) => `complaint_message:body:${id}`;
export const ratingCommentAad = (id: string) => `complaint_rating:comment:${id}`;

const open = (status: string) => status !== 'closed' && status !== 'rejected';
/** The round a rating belongs to: the first, then one more after each 重办. */
const roundOf = (redos: number) => redos + 1;

/**
 * What the reporter sees. Only the reporter's own complaint (the session grants exactly one), only public
 * messages, and for each message only whether the reporter or a handler wrote it.
 */
async function viewOf(db: Db | Tx, ctx: Ctx, complaintId: string): Promise<ReporterView> {
  const [c, messages, ratings] = await Promise.all([
    repo.reporterComplaint(db, ctx.tenantId, complaintId),
    repo.publicMessages(db, ctx.tenantId, complaintId),
    repo.ratingsOf(db, ctx.tenantId, complaintId),
  ]);
  if (!c) throw invalidState('gone');
  const round = roundOf(c.redos);
  return {
    code: c.code,
    status: c.status,
    categoryName: c.category_name,
    matterName: c.matter_name,
    orgName: c.org_name,
    submittedAt: c.submitted_at,
    assignedAt: c.assigned_at,
    dispatchedAt: c.dispatched_at,
    answeredAt: c.answered_at,
    closedAt: c.closed_at,
    answer: unseal(ctx, 'answer', c.id, c.answer_enc),
    rejectionReason: unseal(ctx, 'rejection_reason', c.id, c.rejection_reason_enc),
    messages: messages.map((m) => ({ id: m.id, from: m.author, body: ctx.deps.crypto.decrypt(ctx.tenantId, m.body_enc, messageAad(m.id)), at: m.at })),
    ratings: ratings.map((r) => ({ round: r.round, rating: r.rating, at: r.at })),
    canRate: c.status === 'answered' && !ratings.some((r) => r.round === round),
    canMessage: open(c.status),
  };
}

/** The JSON text of the reporter's view (see keptReporterView). */
export async function reporterViewJson(ctx: Ctx, grant: ReporterGrant): Promise<string> {
  return keptReporterView(ctx, grant.complaintId, () => viewOf(ctx.deps.db, ctx, grant.complaintId));
}

/** 补充材料 / 回复: a public message from the reporter while the complaint is still open. */
export async function addReporterMessage(ctx: Ctx, grant: ReporterGrant, body: string): Promise<ReporterView> {
  const view = await transact(ctx, async (tx) => {
    const state = await repo.complaintState(tx, ctx.tenantId, grant.complaintId);
    if (!state || !open(state.status)) throw invalidState(state?.status ?? 'gone');
    const id = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertMessage(tx, {
      tenant_id: ctx.tenantId, id, complaint_id: grant.complaintId, author: 'reporter', author_user_id: null,
      body_enc: ctx.deps.crypto.encrypt(ctx.tenantId, body, messageAad(id)), visibility: 'public', at,
    });
    await repo.insertEvent(tx, { tenant_id: ctx.tenantId, id: newId(), complaint_id: grant.complaintId, at, actor_id: null, kind: 'reporter_message', note_enc: null, visibility: 'public' });
    await repo.touchComplaint(tx, ctx.tenantId, grant.complaintId, at);
    await writeAudit(tx, ctx, { action: 'complaint.reporter_message', objectType: 'complaint', objectId: grant.complaintId, details: { messageId: id } });
    return viewOf(tx, ctx, grant.complaintId);
  });
  dropReporterView(ctx.tenantId, grant.complaintId);
  return view;
}

/**
 * 满意 / 基本满意 / 不满意 for the current round: once per round, only while 已答复. A rating of 不满意 counts
 * towards the 红 colour (dissatisfied twice); 重办 on the staff side opens the next round.
 */
export async function rateAnswer(ctx: Ctx, grant: ReporterGrant, input: { rating: Rating; comment?: string }): Promise<ReporterView> {
  const view = await transact(ctx, async (tx) => {
    const at = nowIso(ctx.deps.clock);
    const state = await repo.complaintState(tx, ctx.tenantId, grant.complaintId);
    if (!state) throw invalidState('gone');
    const round = roundOf(state.redos);
    if (await repo.hasRating(tx, ctx.tenantId, grant.complaintId, round)) throw invalidState('rated');
    if (!(await repo.markRated(tx, ctx.tenantId, grant.complaintId, at, input.rating === 'dissatisfied'))) throw invalidState(state.status);
    const id = newId();
    await repo.insertRating(tx, {
      tenant_id: ctx.tenantId, id, complaint_id: grant.complaintId, round, rating: input.rating,
      comment_enc: input.comment ? ctx.deps.crypto.encrypt(ctx.tenantId, input.comment, ratingCommentAad(id)) : null, at,
    });
    await repo.insertEvent(tx, { tenant_id: ctx.tenantId, id: newId(), complaint_id: grant.complaintId, at, actor_id: null, kind: 'rated', note_enc: null, visibility: 'public' });
    await writeAudit(tx, ctx, { action: 'complaint.reporter_rating', objectType: 'complaint', objectId: grant.complaintId, details: { round, rating: input.rating } });
    return viewOf(tx, ctx, grant.complaintId);
  });
  dropReporterView(ctx.tenantId, grant.complaintId);
  return view;
}

export async function logoutReporter(ctx: Ctx, grant: ReporterGrant): Promise<void> {
  await transact(ctx, async (tx) => {
    await endReporterSession(tx, ctx, grant);
    await writeAudit(tx, ctx, { action: 'complaint.reporter_logout', objectType: 'complaint', objectId: grant.complaintId });
  });
}
