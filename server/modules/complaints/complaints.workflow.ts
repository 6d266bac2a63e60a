import type { Complaint } from '../../../contracts/complaints.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { orgInScope } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/notify.service.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { seal } from './complaints.create.js';
import { recordEvent } from './complaints.exchange.js';
import type { ComplaintAction } from './complaints.policy.js';
import { excludedPersons, recipientDirectory, recordRecusals } from './complaints.recusal.js';
import * as repo from './complaints.repo.js';
import { dropReporterView } from './reporter-views.js';
import { getComplaint, requireAction, type Loaded } from './complaints.service.js';

type Details = Record<string, string | number | boolean | null>;

/** One workflow step: lock the row, authorize inside the transaction, change, audit once, answer with the fresh record. */
export async function step(ctx: Ctx, id: string, audit: string, action: ComplaintAction, run: (tx: Tx, l: Loaded) => Promise<Details | void>): Promise<Complaint> {
  await transact(ctx, async (tx) => {
    await repo.lockComplaint(tx, ctx.deps.dialect, ctx.tenantId, id);
    const l = await requireAction(tx, ctx, id, action);
    const details = (await run(tx, l)) ?? {};
    await writeAudit(tx, ctx, { action: audit, objectType: 'complaint', objectId: id, details: { code: l.row.code, ...details } });
  });
  dropReporterView(ctx.tenantId, id);
  return getComplaint(ctx, id);
}

async function tell(tx: Tx, ctx: Ctx, c: repo.ComplaintRow, permission: 'complaint:handle' | 'complaint:supervise', kind: string): Promise<void> {
  const recipients = await recipientDirectory(tx, ctx.tenantId, permission);
  const excluded = (await excludedPersons(tx, ctx.tenantId, [c.id], permission)).get(c.id) ?? new Set();
  const users = recipients(c, excluded).filter((u) => u !== userId(ctx));
  if (users.length) await notify(tx, ctx, { userIds: users, kind, params: { code: c.code }, link: `/complaints/${c.id}` });
}

/**
 * The 办理时限 (default 13 working days, as 12345 rules give 投诉举报) runs from 交办 (or 重办); the answer
 * days (default 5) only turn the complaint 黄 on the way, a warning well before it is overdue (红).
 */
async function answerDue(tx: Tx, ctx: Ctx, l: Loaded): Promise<string> {
  const [cal, settings] = await Promise.all([loadCalendar(tx, ctx.tenantId), loadSettings(tx, ctx.tenantId)]);
  const yellowAfter = l.summary.answer_days ?? settings['system.complaint.answerWorkingDays'];
  return cal.addWorkingDays(today(ctx.deps.clock), Math.max(settings['system.complaint.dueWorkingDays'], yellowAfter + 1));
}

/**
 * 分办: 监督部门 picks the responsible org and tags the people the complaint names. Named people and the
 * responsible org's handlers on the accused org's chain are recused (logged); it may be redone until 交办.
 */
export function assignComplaint(ctx: Ctx, id: string, input: { responsibleOrgId: string; namedPersonIds?: string[]; note?: string }): Promise<Complaint> {
  return step(ctx, id, 'complaint.assign', 'assign', async (tx, l) => {
    if (!(await repo.activeOrg(tx, ctx.tenantId, input.responsibleOrgId))) throw notFound('org');
    if (!(await orgInScope(tx, ctx.tenantId, l.reader.supervise, input.responsibleOrgId))) throw new AppError('FORBIDDEN', { field: 'responsibleOrgId' });
    const named = input.namedPersonIds ?? [];
    if ((await repo.existingPersons(tx, ctx.tenantId, named)).length !== named.length) throw notFound('person');
    await repo.replaceNamedPersons(tx, ctx.tenantId, id, named);
    const recused = await recordRecusals(tx, ctx, l.row, input.responsibleOrgId, named);
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'assigned', responsible_org_id: input.responsibleOrgId, assigned_at: at, updated_at: at });
    await recordEvent(tx, ctx, id, 'assigned', 'public', input.note);
    if (recused) await recordEvent(tx, ctx, id, 'recused', 'internal', String(recused));
    return { responsibleOrgId: input.responsibleOrgId, named: named.length, recused };
  });
}

/** 交办: the 办理时限 starts today; the answer days (the matter's, else the tenant's) only mark the 黄 point on it. */
export function dispatchComplaint(ctx: Ctx, id: string, note?: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.dispatch', 'dispatch', async (tx, l) => {
    const due = await answerDue(tx, ctx, l);
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'dispatched', dispatched_at: at, due_date: due, updated_at: at });
    await recordEvent(tx, ctx, id, 'dispatched', 'public', note);
    await tell(tx, ctx, l.row, 'complaint:handle', 'complaint.dispatched');
    return { due };
  });
}

export function acceptComplaint(ctx: Ctx, id: string, note?: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.accept', 'accept', async (tx) => {
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'in_progress', accepted_at: at, updated_at: at });
    await recordEvent(tx, ctx, id, 'accepted', 'public', note);
  });
}

/** 答复: the public answer the reporter reads with the receipt code; internal notes stay separate. */
export function answerComplaint(ctx: Ctx, id: string, answer: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.answer', 'answer', async (tx, l) => {
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'answered', answer_enc: seal(ctx, 'answer', id, answer), answered_at: at, updated_at: at });
    await recordEvent(tx, ctx, id, 'answered', 'public');
    return { onTime: !!l.row.due_date && today(ctx.deps.clock) <= l.row.due_date };
  });
}

/** 重办 after 不满意: back to 办理中 with a new answer round and due date; a second rating follows. */
export function redoComplaint(ctx: Ctx, id: string, note: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.redo', 'redo', async (tx, l) => {
    const due = await answerDue(tx, ctx, l);
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'in_progress', redos: l.row.redos + 1, accepted_at: at, answered_at: null, due_date: due, updated_at: at });
    await recordEvent(tx, ctx, id, 'redo', 'public', note);
    await tell(tx, ctx, l.row, 'complaint:handle', 'complaint.redo');
    return { round: l.row.redos + 2, due };
  });
}

export function closeComplaint(ctx: Ctx, id: string, note?: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.close', 'close', async (tx, l) => {
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'closed', closed_at: at, updated_at: at });
    await recordEvent(tx, ctx, id, 'closed', 'public', note);
    return { rated: l.facts.lastRating !== null };
  });
}

/** 不予受理: the reason is part of what the reporter reads. */
export function rejectComplaint(ctx: Ctx, id: string, reason: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.reject', 'reject', async (tx) => {
    const at = nowIso(ctx.deps.clock);
    await repo.updateComplaint(tx, ctx.tenantId, id, { status: 'rejected', rejection_reason_enc: seal(ctx, 'rejection_reason', id, reason), rejected_at: at, updated_at: at });
    await recordEvent(tx, ctx, id, 'rejected', 'public');
  });
}

/**
 * 延期 request by a handler. `extensions` counts requests (延期申请次数, one red-colour rule); at most
 * maxExtensions of them may be approved, and only one waits for a decision at a time.
 */
export function requestExtension(ctx: Ctx, id: string, input: { days: number; reason: string }): Promise<Complaint> {
  return step(ctx, id, 'complaint.request_extension', 'request_extension', async (tx, l) => {
    await tx
      .insertInto('complaint_extension')
      .values({
        tenant_id: ctx.tenantId, id: newId(), complaint_id: id, days: input.days, reason: input.reason, status: 'requested',
        requested_by: userId(ctx), requested_at: nowIso(ctx.deps.clock), decided_by: null, decided_at: null, decision_note: '',
      })
      .execute();
    await repo.updateComplaint(tx, ctx.tenantId, id, { extensions: l.row.extensions + 1, updated_at: nowIso(ctx.deps.clock) });
    await recordEvent(tx, ctx, id, 'extension_requested', 'internal', input.reason);
    await tell(tx, ctx, l.row, 'complaint:supervise', 'complaint.extension_requested');
    return { days: input.days, requests: l.row.extensions + 1 };
  });
}

/** 监督部门 approves (the due date moves by the working days asked for) or refuses; nobody decides their own request. */
export function decideExtension(ctx: Ctx, id: string, extensionId: string, input: { approve: boolean; note?: string }): Promise<Complaint> {
  return step(ctx, id, input.approve ? 'complaint.approve_extension' : 'complaint.reject_extension', 'decide_extension', async (tx, l) => {
    const x = await tx.selectFrom('complaint_extension').selectAll().where('tenant_id', '=', ctx.tenantId).where('complaint_id', '=', id).where('id', '=', extensionId).executeTakeFirst();
    if (!x) throw notFound('extension');
    if (x.status !== 'requested') throw new AppError('STATE_INVALID', { state: x.status });
    if (x.requested_by && x.requested_by === userId(ctx)) throw new AppError('FORBIDDEN', { reason: 'own_request' });
    const at = nowIso(ctx.deps.clock);
    await tx
      .updateTable('complaint_extension')
      .set({ status: input.approve ? 'approved' : 'rejected', decided_by: userId(ctx), decided_at: at, decision_note: input.note ?? '' })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', extensionId)
      .execute();
    let due = l.row.due_date;
    if (input.approve && due) {
      due = (await loadCalendar(tx, ctx.tenantId)).addWorkingDays(due, x.days);
      await repo.updateComplaint(tx, ctx.tenantId, id, { due_date: due, updated_at: at });
    }
    await recordEvent(tx, ctx, id, input.approve ? 'extended' : 'extension_refused', input.approve ? 'public' : 'internal', input.note);
    if (x.requested_by) await notify(tx, ctx, { userIds: [x.requested_by], kind: input.approve ? 'complaint.extension_approved' : 'complaint.extension_refused', params: { code: l.row.code }, link: `/complaints/${id}` });
    return { days: x.days, due };
  });
}
