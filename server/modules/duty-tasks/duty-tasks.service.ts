import type {
  CreateDutyTask, DecomposeDutyTask, DutyChildTask, DutyTask, DutyTaskQuery, DutyTaskSummary, UpdateDutyTask,
} from '../../../contracts/duty-tasks.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { transact } from '../../platform/db/transact.js';
import { listDictItems } from '../../platform/settings/dicts.repo.js';
import { AppError, invalidState, notFound } from '../../platform/http/errors.js';
import { actionsFor, authorizeAssigner, holds, readerOf, requireVisibleTask } from './duty-tasks.policy.js';
import { isOverdue, percentOf, presentTaskSummary } from './duty-tasks.present.js';
import * as repo from './duty-tasks.repo.js';
import { FULL, statusOf } from './duty-tasks.rollup.js';
import { addEvent, insertTask, refreshTask, writeOccurrences, type NewTask } from './duty-tasks.tree.js';

export async function presentSummaries(db: Db | Tx, tenantId: string, rows: repo.TaskListRow[], day: string): Promise<DutyTaskSummary[]> {
  const co = await repo.coOrgsOf(db, tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentTaskSummary(r, co.get(r.id) ?? [], day));
}

export async function listTasks(ctx: Ctx, q: DutyTaskQuery): Promise<Page<DutyTaskSummary>> {
  const day = today(ctx.deps.clock);
  const reviewer = q.awaitingMyReview && ctx.actor.kind === 'user' ? { scope: scopeOf(ctx.actor, 'duty:manage'), userId: ctx.actor.userId } : undefined;
  if (q.awaitingMyReview && !reviewer) return { items: [], total: 0, page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
  const r = await repo.searchTasks(ctx.deps.db, readerOf(ctx), { ...q, reviewer }, day);
  return { items: await presentSummaries(ctx.deps.db, ctx.tenantId, r.rows, day), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function getTask(ctx: Ctx, id: string, db: Db | Tx = ctx.deps.db): Promise<DutyTask> {
  const task = await requireVisibleTask(db, ctx, id);
  const day = today(ctx.deps.clock);
  const [plan, ancestors, children, occurrences, reports, evidence, events, assigner] = await Promise.all([
    repo.findPlan(db, ctx.tenantId, task.plan_id),
    repo.ancestorsOf(db, ctx.tenantId, task),
    repo.childrenOf(db, ctx.tenantId, task.id),
    repo.occurrencesOf(db, ctx.tenantId, task.id),
    repo.reportsOf(db, ctx.tenantId, task.id),
    repo.evidenceOf(db, ctx.tenantId, task.id),
    repo.eventsOf(db, ctx.tenantId, task.id),
    repo.orgName(db, ctx.tenantId, task.assigner_org_id),
  ]);
  const [summary] = await presentSummaries(db, ctx.tenantId, [task], day);
  const complete = Number(task.progress_bp) >= FULL;
  return {
    ...summary!,
    plan: { id: plan!.id, year: Number(plan!.year), title: plan!.title, org: { id: plan!.org_id, name: plan!.org_name } },
    ancestors: ancestors.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    assignedBy: { id: task.assigner_org_id, name: assigner },
    children: await presentSummaries(db, ctx.tenantId, children, day),
    occurrences: occurrences.map((o) => ({
      id: o.id, seq: Number(o.seq), period: o.period, dueDate: o.due_date, progress: percentOf(o.progress_bp),
      status: statusOf(Number(o.progress_bp), Number(o.pending_reports)), overdue: Number(o.progress_bp) < FULL && isOverdue(o.due_date, day),
    })),
    reports: reports.map((r) => ({
      id: r.id, occurrenceId: r.occurrence_id, percent: Number(r.percent), note: r.note, status: r.status, reportedBy: r.reporter_name, reportedAt: r.reported_at,
      reviewedBy: r.reviewer_name, reviewedAt: r.reviewed_at, comment: r.comment,
      evidence: evidence.filter((e) => e.report_id === r.id).map((e) => ({ attachmentId: e.id, name: e.name, mime: e.mime, size: Number(e.size) })),
    })),
    timeline: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, actorName: e.actor_name, note: e.note })),
    actions: await actionsFor(db, ctx, { task, reportCount: reports.length, pendingBy: reports.filter((r) => r.status === 'pending').map((r) => r.reported_by), complete }),
  };
}

/** Whether a task lies in the caller's read scope (the evidence download policy). */
export async function mayReadTask(ctx: Ctx, id: string): Promise<boolean> {
  return repo.isVisible(ctx.deps.db, readerOf(ctx), id);
}

// ---------------------------------------------------------------- checks shared with the import

interface TaskInput {
  orgId: string;
  leaderId?: string | null;
  ownerId?: string | null;
  coOrgIds?: string[];
  deadline: string;
  evidenceForms: string[];
}

/** Everything a task refers to exists, its deadline falls in the plan's year, its org lies under the assigner's. */
async function checkTask(tx: Tx, ctx: Ctx, year: number, assignerOrgId: string, t: TaskInput): Promise<void> {
  if (Number(t.deadline.slice(0, 4)) !== year) throw new AppError('VALIDATION_FAILED', { field: 'deadline' });
  const orgs = await repo.existingOrgs(tx, ctx.tenantId, [t.orgId, ...(t.coOrgIds ?? [])]);
  if (!orgs.has(t.orgId) || (t.coOrgIds ?? []).some((o) => !orgs.has(o))) throw notFound('org');
  const persons = [t.leaderId, t.ownerId].filter((p): p is string => !!p);
  const found = await repo.existingPersons(tx, ctx.tenantId, persons);
  if (persons.some((p) => !found.has(p))) throw notFound('person');
  const forms = new Set((await listDictItems(tx, ctx.tenantId, 'evidence_form')).filter((f) => Number(f.enabled) === 1).map((f) => f.code));
  if (t.evidenceForms.some((f) => !forms.has(f))) throw new AppError('VALIDATION_FAILED', { field: 'evidenceForms' });
  if (!(await repo.orgWithin(tx, ctx.tenantId, assignerOrgId, t.orgId))) throw new AppError('DUTY_TASK_ORG_OUTSIDE_PARENT');
}

async function requirePlan(db: Db | Tx, tenantId: string, id: string): Promise<repo.PlanListRow> {
  const plan = await repo.findPlan(db, tenantId, id);
  if (!plan) throw notFound('duty_plan');
  return plan;
}

const toNew = (t: CreateDutyTask | DutyChildTask, defaults?: repo.TaskListRow): NewTask => ({
  title: t.title ?? defaults!.title,
  description: t.description ?? defaults?.description ?? '',
  leaderId: t.leaderId !== undefined ? t.leaderId : defaults?.leader_person_id ?? null,
  orgId: t.orgId,
  coOrgIds: t.coOrgIds ?? [],
  ownerId: t.ownerId ?? null,
  deadline: t.deadline ?? defaults!.deadline,
  evidenceForms: t.evidenceForms ?? (JSON.parse(defaults!.evidence_forms) as string[]),
  weight: t.weight,
  recurrence: t.recurrence ?? defaults?.recurrence ?? 'none',
});

// ---------------------------------------------------------------- use cases

export async function createTask(ctx: Ctx, input: CreateDutyTask): Promise<DutyTask> {
  const id = await transact(ctx, async (tx) => {
    const plan = await requirePlan(tx, ctx.tenantId, input.planId);
    const parent = input.parentId ? await repo.findTask(tx, ctx.tenantId, input.parentId) : null;
    if (input.parentId && (!parent || parent.plan_id !== plan.id)) throw notFound('duty_task');
    if (parent && (await repo.reportCount(tx, ctx.tenantId, parent.id)) > 0) throw invalidState('has_reports');
    const assignerOrg = parent?.org_id ?? plan.org_id;
    await authorizeAssigner(tx, ctx, assignerOrg);
    const t = toNew(input);
    await checkTask(tx, ctx, Number(plan.year), assignerOrg, t);
    const id = await insertTask(tx, ctx, plan, parent ?? null, t, 'created');
    await writeAudit(tx, ctx, { action: 'duty_task.create', objectType: 'duty_task', objectId: id, details: { planId: plan.id, parentId: parent?.id ?? null, orgId: t.orgId } });
    return id;
  });
  return getTask(ctx, id);
}

/** Decomposition: the responsible org's manager splits its task among orgs of its subtree. */
export async function decomposeTask(ctx: Ctx, id: string, input: DecomposeDutyTask): Promise<DutyTask> {
  await transact(ctx, async (tx) => {
    const parent = await requireVisibleTask(tx, ctx, id);
    if (!(await holds(tx, ctx, 'duty:manage', parent.org_id))) throw new AppError('FORBIDDEN');
    if ((await repo.reportCount(tx, ctx.tenantId, parent.id)) > 0) throw invalidState('has_reports');
    const plan = await requirePlan(tx, ctx.tenantId, parent.plan_id);
    const ids: string[] = [];
    for (const c of input.children) {
      const t = toNew(c, parent);
      await checkTask(tx, ctx, Number(plan.year), parent.org_id, t);
      ids.push(await insertTask(tx, ctx, plan, parent, t, 'created'));
    }
    await addEvent(tx, ctx, parent.id, 'decomposed');
    await repo.updateTask(tx, ctx.tenantId, parent.id, { updated_at: nowIso(ctx.deps.clock) });
    await writeAudit(tx, ctx, { action: 'duty_task.decompose', objectType: 'duty_task', objectId: parent.id, details: { children: ids } });
  });
  return getTask(ctx, id);
}

export async function updateTask(ctx: Ctx, id: string, input: UpdateDutyTask): Promise<DutyTask> {
  await transact(ctx, async (tx) => {
    const task = await requireVisibleTask(tx, ctx, id);
    await authorizeAssigner(tx, ctx, task.assigner_org_id);
    const next = {
      orgId: input.orgId ?? task.org_id,
      leaderId: input.leaderId !== undefined ? input.leaderId : task.leader_person_id,
      ownerId: input.ownerId !== undefined ? input.ownerId : task.owner_person_id,
      coOrgIds: input.coOrgIds,
      deadline: input.deadline ?? task.deadline,
      evidenceForms: input.evidenceForms ?? (JSON.parse(task.evidence_forms) as string[]),
      recurrence: input.recurrence ?? task.recurrence,
    };
    await checkTask(tx, ctx, Number(task.year), task.assigner_org_id, next);
    const children = Number(task.child_count) > 0 ? await repo.childrenOf(tx, ctx.tenantId, task.id) : [];
    if (next.orgId !== task.org_id) {
      for (const c of children) if (!(await repo.orgWithin(tx, ctx.tenantId, next.orgId, c.org_id))) throw new AppError('DUTY_TASK_ORG_OUTSIDE_PARENT');
      await repo.setChildrenAssigner(tx, ctx.tenantId, task.id, next.orgId);
    }
    const schedule = next.recurrence !== task.recurrence || (next.deadline !== task.deadline && next.recurrence !== 'none');
    if (schedule && children.length === 0) {
      if ((await repo.reportCount(tx, ctx.tenantId, task.id)) > 0) throw invalidState('has_reports');
      await writeOccurrences(tx, ctx.tenantId, task.id, next.recurrence, Number(task.year), next.deadline);
    }
    await repo.updateTask(tx, ctx.tenantId, task.id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.weight !== undefined && { weight: input.weight }),
      org_id: next.orgId, leader_person_id: next.leaderId, owner_person_id: next.ownerId, deadline: next.deadline,
      evidence_forms: JSON.stringify(next.evidenceForms), recurrence: next.recurrence, updated_at: nowIso(ctx.deps.clock),
    });
    if (input.coOrgIds) await repo.setCoOrgs(tx, ctx.tenantId, task.id, input.coOrgIds);
    await refreshTask(tx, ctx, task.id);
    await addEvent(tx, ctx, task.id, 'updated');
    await writeAudit(tx, ctx, { action: 'duty_task.update', objectType: 'duty_task', objectId: task.id, details: { fields: Object.keys(input) } });
  });
  return getTask(ctx, id);
}

/** Only a task with no children and no reports goes; its parent is recomputed (and may be a leaf again). */
export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const task = await requireVisibleTask(tx, ctx, id);
    await authorizeAssigner(tx, ctx, task.assigner_org_id);
    if (Number(task.child_count) > 0) throw invalidState('has_children');
    if ((await repo.reportCount(tx, ctx.tenantId, task.id)) > 0) throw invalidState('has_reports');
    await repo.deleteTask(tx, ctx.tenantId, task.id);
    if (task.parent_id) {
      const parent = (await repo.findTask(tx, ctx.tenantId, task.parent_id))!;
      if (Number(parent.child_count) === 1) {
        await repo.updateTask(tx, ctx.tenantId, parent.id, { progress_bp: 0 });
        await writeOccurrences(tx, ctx.tenantId, parent.id, parent.recurrence, Number(parent.year), parent.deadline);
      }
      await refreshTask(tx, ctx, parent.id);
    }
    await writeAudit(tx, ctx, { action: 'duty_task.delete', objectType: 'duty_task', objectId: task.id, details: { planId: task.plan_id, number: task.number } });
  });
}
