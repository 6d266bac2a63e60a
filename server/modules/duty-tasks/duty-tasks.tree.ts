import type { DutyRecurrence } from '../../../contracts/duty-tasks.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { lockRows } from '../../platform/db/lock.js';
import * as repo from './duty-tasks.repo.js';
import { FULL, numbering, occurrenceMean, occurrencesOf, rollUp, statusOf } from './duty-tasks.rollup.js';

/** A task as the services create it: ids already resolved and checked. */
export interface NewTask {
  title: string;
  description: string;
  leaderId: string | null;
  orgId: string;
  coOrgIds: string[];
  ownerId: string | null;
  deadline: string;
  evidenceForms: string[];
  weight: number;
  recurrence: DutyRecurrence;
}

export interface PlanRef {
  id: string;
  year: number;
  org_id: string;
}

type ParentRef = Pick<repo.TaskRow, 'id' | 'number' | 'sort_key' | 'depth' | 'org_id'>;

/** The occurrences of a leaf recurring duty, written afresh (only while none has a report). */
export async function writeOccurrences(tx: Tx, tenantId: string, taskId: string, recurrence: DutyRecurrence, year: number, deadline: string): Promise<void> {
  await repo.deleteOccurrences(tx, tenantId, taskId);
  await repo.insertOccurrences(
    tx,
    occurrencesOf(recurrence, year, deadline).map((o) => ({
      tenant_id: tenantId, id: newId(), task_id: taskId, seq: o.seq, period: o.period, due_date: o.dueDate, progress_bp: 0, pending_reports: 0, completed_at: null,
    })),
  );
}

/** Inserts a task under its parent (or at the plan's top level), numbered after its siblings. */
export async function insertTask(tx: Tx, ctx: Ctx, plan: PlanRef, parent: ParentRef | null, t: NewTask, event: 'created' | 'imported' | 'decomposed'): Promise<string> {
  const at = nowIso(ctx.deps.clock);
  // Two children numbered under one parent (or at one plan's top) take their numbers one after the other.
  if (parent) await lockRows(tx, 'duty_task', ctx.tenantId, [parent.id]);
  else await lockRows(tx, 'duty_plan', ctx.tenantId, [plan.id]);
  const seq = (await repo.maxSeq(tx, ctx.tenantId, plan.id, parent?.id ?? null)) + 1;
  const n = numbering(parent ? { number: parent.number, sortKey: parent.sort_key } : null, seq);
  const id = newId();
  await repo.insertTask(tx, {
    tenant_id: ctx.tenantId, id, plan_id: plan.id, parent_id: parent?.id ?? null, seq, number: n.number, sort_key: n.sortKey, depth: parent ? Number(parent.depth) + 1 : 0,
    title: t.title, description: t.description, leader_person_id: t.leaderId, org_id: t.orgId, assigner_org_id: parent?.org_id ?? plan.org_id,
    owner_person_id: t.ownerId, deadline: t.deadline, evidence_forms: JSON.stringify(t.evidenceForms), weight: t.weight, recurrence: t.recurrence,
    progress_bp: 0, status: 'not_started', due_date: t.deadline, completed_at: null, missed: 0, child_count: 0, pending_reports: 0,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at, updated_at: at,
  });
  await repo.setCoOrgs(tx, ctx.tenantId, id, t.coOrgIds);
  await writeOccurrences(tx, ctx.tenantId, id, t.recurrence, plan.year, t.deadline);
  await addEvent(tx, ctx, id, event);
  if (parent) await repo.deleteOccurrences(tx, ctx.tenantId, parent.id);
  await refreshTask(tx, ctx, id);
  return id;
}

export async function addEvent(tx: Tx, ctx: Ctx, taskId: string, kind: string, note = ''): Promise<void> {
  await repo.insertEvent(tx, {
    tenant_id: ctx.tenantId, id: newId(), task_id: taskId, at: nowIso(ctx.deps.clock), actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null, kind, note, dedupe: null,
  });
}

/**
 * Recomputes what a task derives — progress, status, the earliest open due date, completion — from its
 * children (weighted), its occurrences (mean) or, for a one-off leaf, its accepted progress; then does
 * the same for each ancestor. A due date already behind today when it closes marks the task missed.
 */
export async function refreshTask(tx: Tx, ctx: Ctx, id: string): Promise<void> {
  const day = today(ctx.deps.clock);
  const at = nowIso(ctx.deps.clock);
  let next: string | null = id;
  while (next) {
    const t = await tx.selectFrom('duty_task').selectAll().where('tenant_id', '=', ctx.tenantId).where('id', '=', next).executeTakeFirstOrThrow();
    const children = await tx.selectFrom('duty_task').select(['weight', 'progress_bp']).where('tenant_id', '=', ctx.tenantId).where('parent_id', '=', t.id).execute();
    let progress: number;
    let pending = 0;
    let due: string | null;
    if (children.length) {
      progress = rollUp(children.map((c) => ({ weight: Number(c.weight), progressBp: Number(c.progress_bp) })));
      due = progress < FULL ? t.deadline : null;
    } else if (t.recurrence !== 'none') {
      const occ = await repo.occurrencesOf(tx, ctx.tenantId, t.id);
      progress = occurrenceMean(occ.map((o) => ({ progressBp: Number(o.progress_bp) })));
      pending = occ.reduce((s, o) => s + Number(o.pending_reports), 0);
      due = occ.filter((o) => Number(o.progress_bp) < FULL).map((o) => o.due_date).sort()[0] ?? null;
    } else {
      progress = Number(t.progress_bp);
      pending = await repo.pendingCount(tx, ctx.tenantId, t.id, null);
      due = progress < FULL ? t.deadline : null;
    }
    const missed = Number(t.missed) === 1 || (t.due_date !== null && t.due_date < day && t.due_date !== due) || (due !== null && due < day) ? 1 : 0;
    await repo.updateTask(tx, ctx.tenantId, t.id, {
      progress_bp: progress,
      pending_reports: pending,
      status: statusOf(progress, pending),
      due_date: due,
      completed_at: progress >= FULL ? (t.completed_at ?? at) : null,
      missed,
      child_count: children.length,
    });
    next = t.parent_id;
  }
}
