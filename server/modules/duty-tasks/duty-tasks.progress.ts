import type { DutyTask, ReportDutyProgress, ReturnDutyReport, ReviewDutyReport } from '../../../contracts/duty-tasks.js';
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { lockRows } from '../../platform/db/lock.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, forbidden, invalidState, notFound } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/notify.service.js';
import { claimAttachments } from '../../platform/storage/attachments.service.js';
import { mayReport, mayReview, requireVisibleTask } from './duty-tasks.policy.js';
import * as repo from './duty-tasks.repo.js';
import { FULL } from './duty-tasks.rollup.js';
import { getTask } from './duty-tasks.service.js';
import { addEvent, refreshTask } from './duty-tasks.tree.js';

/** Evidence files belong to the report they came with; readable by whoever may read the task. */
export const EVIDENCE_OWNER = 'duty_task_report';

/**
 * An owner reports progress on a leaf task, or on one occurrence of a recurring duty, with evidence.
 * One report waits for review at a time per task (per occurrence), and finished work takes no more.
 */
export async function recordReport(ctx: Ctx, id: string, input: ReportDutyProgress): Promise<void> {
  await transact(ctx, async (tx) => {
    await lockRows(tx, 'duty_task', ctx.tenantId, [id]);
    const task = await requireVisibleTask(tx, ctx, id);
    if (!(await mayReport(tx, ctx, task))) throw forbidden();
    if (Number(task.child_count) > 0) throw invalidState('has_children');
    let occurrenceId: string | null = null;
    if (task.recurrence !== 'none') {
      if (!input.occurrenceId) throw new AppError('VALIDATION_FAILED', { field: 'occurrenceId' });
      const occ = (await repo.occurrencesOf(tx, ctx.tenantId, task.id)).find((o) => o.id === input.occurrenceId);
      if (!occ) throw notFound('duty_task_occurrence');
      if (Number(occ.progress_bp) >= FULL) throw invalidState('completed');
      if (Number(occ.pending_reports) > 0) throw invalidState('report_pending');
      occurrenceId = occ.id;
      await repo.updateOccurrence(tx, ctx.tenantId, occ.id, { pending_reports: 1 });
    } else {
      if (input.occurrenceId) throw new AppError('VALIDATION_FAILED', { field: 'occurrenceId' });
      if (Number(task.progress_bp) >= FULL) throw invalidState('completed');
      if (Number(task.pending_reports) > 0) throw invalidState('report_pending');
    }
    const reportId = newId();
    await repo.insertReport(tx, {
      tenant_id: ctx.tenantId, id: reportId, task_id: task.id, occurrence_id: occurrenceId, percent: input.percent, note: input.note, status: 'pending',
      reported_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, reported_at: nowIso(ctx.deps.clock), reviewed_by: null, reviewed_at: null, comment: '',
    });
    const files = await claimAttachments(tx, ctx, input.attachmentIds ?? [], EVIDENCE_OWNER, reportId);
    await repo.insertEvidence(tx, files.map((f) => ({ tenant_id: ctx.tenantId, id: newId(), task_id: task.id, report_id: reportId, attachment_id: f.id })));
    await addEvent(tx, ctx, task.id, 'reported', `${input.percent}%`);
    await repo.updateTask(tx, ctx.tenantId, task.id, { updated_at: nowIso(ctx.deps.clock) });
    await refreshTask(tx, ctx, task.id);
    await writeAudit(tx, ctx, { action: 'duty_task.report', objectType: 'duty_task', objectId: task.id, details: { reportId, occurrenceId, percent: input.percent, evidence: files.length } });
  });
}

export async function reportProgress(ctx: Ctx, id: string, input: ReportDutyProgress): Promise<DutyTask> {
  await recordReport(ctx, id, input);
  return getTask(ctx, id);
}

/** Accepts or returns a pending report; the assigner's decision, never the reporter's. */
export async function recordReview(ctx: Ctx, id: string, reportId: string, accept: boolean, comment: string): Promise<void> {
  await transact(ctx, async (tx) => {
    await lockRows(tx, 'duty_task', ctx.tenantId, [id]);
    const task = await requireVisibleTask(tx, ctx, id);
    const report = await repo.findReport(tx, ctx.tenantId, task.id, reportId);
    if (!report) throw notFound('duty_task_report');
    if (!(await mayReview(tx, ctx, task, report))) throw forbidden();
    const at = nowIso(ctx.deps.clock);
    const moved = await repo.reviewReport(tx, ctx.tenantId, report.id, { status: accept ? 'accepted' : 'returned', reviewed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, reviewed_at: at, comment });
    if (!moved) throw invalidState(report.status);
    const bp = report.percent * 100;
    if (report.occurrence_id) {
      await repo.updateOccurrence(tx, ctx.tenantId, report.occurrence_id, {
        pending_reports: 0,
        ...(accept && { progress_bp: bp, completed_at: bp >= FULL ? at : null }),
      });
    } else if (accept) {
      await repo.updateTask(tx, ctx.tenantId, task.id, { progress_bp: bp });
    }
    await repo.updateTask(tx, ctx.tenantId, task.id, { updated_at: at });
    await refreshTask(tx, ctx, task.id);
    await addEvent(tx, ctx, task.id, accept ? 'accepted' : 'returned', comment);
    if (report.reported_by) {
      await notify(tx, ctx, { userIds: [report.reported_by], kind: accept ? 'duty_task.accepted' : 'duty_task.returned', params: { number: task.number, title: task.title }, link: `/duty/tasks/${task.id}` });
    }
    await writeAudit(tx, ctx, { action: accept ? 'duty_task.accept' : 'duty_task.return', objectType: 'duty_task', objectId: task.id, details: { reportId: report.id, percent: report.percent } });
  });
}

export async function acceptReport(ctx: Ctx, id: string, reportId: string, input: ReviewDutyReport): Promise<DutyTask> {
  await recordReview(ctx, id, reportId, true, input.comment ?? '');
  return getTask(ctx, id);
}

export async function returnReport(ctx: Ctx, id: string, reportId: string, input: ReturnDutyReport): Promise<DutyTask> {
  await recordReview(ctx, id, reportId, false, input.comment);
  return getTask(ctx, id);
}
