import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DutyPlanQuery, DutyTaskQuery } from '../../../contracts/duty-tasks.js';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { DB } from '../../schema.js';
import type {
  DutyPlanTable, DutyTaskEventTable, DutyTaskEvidenceTable, DutyTaskOccurrenceTable, DutyTaskReportTable, DutyTaskTable,
} from './duty-tasks.tables.js';

export type PlanRow = DutyPlanTable;
export type TaskRow = DutyTaskTable;
export type OccurrenceRow = DutyTaskOccurrenceTable;
export type ReportRow = DutyTaskReportTable;

export interface Reader {
  tenantId: string;
  scope: Scope | null;
  personId: string | null;
}

/**
 * A task is visible when its responsible org or one of its co-orgs lies in the reader's duty:read scope,
 * and always to its owner and its lead leader, whatever their role's scope: one sees one's own duties.
 */
export function visibleTask(eb: ExpressionBuilder<any, any>, r: Reader): Expression<SqlBool> {
  const b = eb as ExpressionBuilder<DB, keyof DB>;
  const ors: Expression<SqlBool>[] = [scopeFilter(b, r.tenantId, r.scope, { org: 't.org_id', person: 't.owner_person_id' }, r.personId)];
  if (r.scope && r.personId) ors.push(sql<SqlBool>`t.owner_person_id = ${r.personId}`, sql<SqlBool>`t.leader_person_id = ${r.personId}`);
  if (r.scope && !r.scope.all) {
    ors.push(sql<SqlBool>`exists (select 1 from duty_task_co_org c where c.tenant_id = t.tenant_id and c.task_id = t.id and ${scopeFilter(b, r.tenantId, r.scope, { org: 'c.org_id' }, null)})`);
  }
  return eb.or(ors);
}

/** A plan is visible when its org is in scope or any of its tasks is. */
function visiblePlan(eb: ExpressionBuilder<any, any>, r: Reader): Expression<SqlBool> {
  const b = eb as ExpressionBuilder<DB, keyof DB>;
  const tasks = b
    .selectFrom('duty_task as t')
    .select(sql`1`.as('one'))
    .whereRef('t.tenant_id', '=', sql.ref('p.tenant_id'))
    .whereRef('t.plan_id', '=', sql.ref('p.id'))
    .where((e) => visibleTask(e, r));
  return eb.or([scopeFilter(b, r.tenantId, r.scope, { org: 'p.org_id' }, null), eb.exists(tasks)]);
}

// ---------------------------------------------------------------- plans

function planQuery(db: Db | Tx, r: Reader, q: Pick<DutyPlanQuery, 'year' | 'orgId' | 'q'>) {
  let b = db
    .selectFrom('duty_plan as p')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.org_id'))
    .where('p.tenant_id', '=', r.tenantId)
    .where((eb) => visiblePlan(eb, r));
  if (q.year) b = b.where('p.year', '=', q.year);
  if (q.orgId) b = b.where('p.org_id', '=', q.orgId);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb(eb.fn('lower', ['p.title']), 'like', like));
  }
  return b;
}

const planColumns = ['p.tenant_id', 'p.id', 'p.year', 'p.title', 'p.org_id', 'o.name as org_name', 'p.created_by', 'p.created_at', 'p.updated_at'] as const;
export type PlanListRow = PlanRow & { org_name: string };

export async function searchPlans(db: Db, r: Reader, q: DutyPlanQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    planQuery(db, r, q).select(planColumns).orderBy('p.year', 'desc').orderBy('p.created_at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    planQuery(db, r, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function findVisiblePlan(db: Db | Tx, r: Reader, id: string): Promise<PlanListRow | undefined> {
  return planQuery(db, r, {}).select(planColumns).where('p.id', '=', id).executeTakeFirst();
}

export function findPlan(db: Db | Tx, tenantId: string, id: string): Promise<PlanListRow | undefined> {
  return db
    .selectFrom('duty_plan as p')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.org_id'))
    .select(planColumns)
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function insertPlan(tx: Tx, row: PlanRow): Promise<void> {
  await tx.insertInto('duty_plan').values(row).execute();
}

export async function updatePlan(tx: Tx, tenantId: string, id: string, patch: Partial<PlanRow>): Promise<void> {
  await tx.updateTable('duty_plan').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Per plan: task count, overdue count (tasks the reader sees), and every top-level task for the roll-up. */
export async function planFigures(db: Db | Tx, r: Reader, planIds: string[], today: string) {
  if (!planIds.length) return { counts: new Map<string, { total: number; overdue: number }>(), tops: new Map<string, { weight: number; progressBp: number }[]>() };
  const [counts, tops] = await Promise.all([
    db
      .selectFrom('duty_task as t')
      .select(['t.plan_id', sql<number>`count(*)`.as('n'), sql<number>`sum(case when t.due_date < ${today} then 1 else 0 end)`.as('late')])
      .where('t.tenant_id', '=', r.tenantId)
      .where('t.plan_id', 'in', planIds)
      .where((eb) => visibleTask(eb, r))
      .groupBy('t.plan_id')
      .execute(),
    db
      .selectFrom('duty_task')
      .select(['plan_id', 'weight', 'progress_bp'])
      .where('tenant_id', '=', r.tenantId)
      .where('plan_id', 'in', planIds)
      .where('parent_id', 'is', null)
      .execute(),
  ]);
  const topMap = new Map<string, { weight: number; progressBp: number }[]>();
  for (const t of tops) topMap.set(t.plan_id, [...(topMap.get(t.plan_id) ?? []), { weight: Number(t.weight), progressBp: Number(t.progress_bp) }]);
  return { counts: new Map(counts.map((c) => [c.plan_id, { total: Number(c.n), overdue: Number(c.late ?? 0) }])), tops: topMap };
}

// ---------------------------------------------------------------- tasks

function taskQuery(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('duty_task as t')
    .innerJoin('duty_plan as pl', (j) => j.onRef('pl.tenant_id', '=', 't.tenant_id').onRef('pl.id', '=', 't.plan_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 't.tenant_id').onRef('o.id', '=', 't.org_id'))
    .leftJoin('person as lp', (j) => j.onRef('lp.tenant_id', '=', 't.tenant_id').onRef('lp.id', '=', 't.leader_person_id'))
    .leftJoin('person as op', (j) => j.onRef('op.tenant_id', '=', 't.tenant_id').onRef('op.id', '=', 't.owner_person_id'))
    .where('t.tenant_id', '=', tenantId);
}

const taskColumns = [
  't.tenant_id', 't.id', 't.plan_id', 'pl.year', 't.parent_id', 't.seq', 't.number', 't.sort_key', 't.depth', 't.title', 't.description',
  't.leader_person_id', 'lp.name as leader_name', 't.org_id', 'o.name as org_name', 't.assigner_org_id', 't.owner_person_id', 'op.name as owner_name',
  't.deadline', 't.evidence_forms', 't.weight', 't.recurrence', 't.progress_bp', 't.status', 't.due_date', 't.completed_at', 't.missed',
  't.child_count', 't.pending_reports', 't.created_by', 't.created_at', 't.updated_at',
] as const;

export type TaskListRow = TaskRow & { year: number; leader_name: string | null; org_name: string; owner_name: string | null };

export interface TaskFilter extends DutyTaskQuery {
  /** awaitingMyReview resolved by the service: the reviewer's duty:manage scope and account. */
  reviewer?: { scope: Scope | null; userId: string };
}

function filtered(db: Db | Tx, r: Reader, q: TaskFilter, today: string) {
  let b = taskQuery(db, r.tenantId).where((eb) => visibleTask(eb, r));
  if (q.year) b = b.where('pl.year', '=', q.year);
  if (q.planId) b = b.where('t.plan_id', '=', q.planId);
  if (q.leaderId) b = b.where('t.leader_person_id', '=', q.leaderId);
  if (q.ownerId) b = b.where('t.owner_person_id', '=', q.ownerId);
  if (q.parentId) b = b.where('t.parent_id', '=', q.parentId);
  if (q.topLevel !== undefined) b = b.where('t.parent_id', q.topLevel ? 'is' : 'is not', null);
  if (q.status) b = b.where('t.status', '=', q.status);
  if (q.recurrence) b = b.where('t.recurrence', '=', q.recurrence);
  if (q.orgId) {
    const orgId = q.orgId;
    b = b.where('t.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  }
  if (q.overdue !== undefined) b = b.where((eb) => (q.overdue ? eb('t.due_date', '<', today) : eb.or([eb('t.due_date', 'is', null), eb('t.due_date', '>=', today)])));
  if (q.reviewer) {
    const rv = q.reviewer;
    b = b
      .where('t.pending_reports', '>', 0)
      .where((eb) => scopeFilter(eb as unknown as ExpressionBuilder<DB, keyof DB>, r.tenantId, rv.scope, { org: 't.assigner_org_id' }, null))
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('duty_task_report as rp').select(sql`1`.as('one')).whereRef('rp.tenant_id', '=', 't.tenant_id').whereRef('rp.task_id', '=', 't.id').where('rp.status', '=', 'pending').where('rp.reported_by', '<>', rv.userId)),
      );
  }
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['t.title']), 'like', like), eb(eb.fn('lower', ['t.description']), 'like', like), eb('t.number', '=', q.q!)]));
  }
  return b;
}

export async function searchTasks(db: Db, r: Reader, q: TaskFilter, today: string) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    filtered(db, r, q, today).select(taskColumns).orderBy('pl.year', 'desc').orderBy('t.plan_id').orderBy('t.sort_key').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, r, q, today).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TaskListRow[], total: Number(total.n), page, pageSize };
}

/** A plan's tasks the reader sees, in tree order. */
export async function planTasks(db: Db | Tx, r: Reader, planId: string): Promise<TaskListRow[]> {
  return (await taskQuery(db, r.tenantId).select(taskColumns).where('t.plan_id', '=', planId).where((eb) => visibleTask(eb, r)).orderBy('t.sort_key').execute()) as TaskListRow[];
}

/** Every task of a plan, in tree order, regardless of scope (export of what the caller may read is filtered by the service). */
export async function allPlanTasks(db: Db | Tx, tenantId: string, planId: string): Promise<TaskListRow[]> {
  return (await taskQuery(db, tenantId).select(taskColumns).where('t.plan_id', '=', planId).orderBy('t.sort_key').execute()) as TaskListRow[];
}

export async function findTask(db: Db | Tx, tenantId: string, id: string): Promise<TaskListRow | undefined> {
  return (await taskQuery(db, tenantId).select(taskColumns).where('t.id', '=', id).executeTakeFirst()) as TaskListRow | undefined;
}

export async function isVisible(db: Db | Tx, r: Reader, id: string): Promise<boolean> {
  return !!(await db.selectFrom('duty_task as t').select('t.id').where('t.tenant_id', '=', r.tenantId).where('t.id', '=', id).where((eb) => visibleTask(eb, r)).executeTakeFirst());
}

export async function childrenOf(db: Db | Tx, tenantId: string, parentId: string): Promise<TaskListRow[]> {
  return (await taskQuery(db, tenantId).select(taskColumns).where('t.parent_id', '=', parentId).orderBy('t.seq').execute()) as TaskListRow[];
}

export async function ancestorsOf(db: Db | Tx, tenantId: string, task: { parent_id: string | null }) {
  const out: { id: string; number: string; title: string; parent_id: string | null }[] = [];
  let next = task.parent_id;
  while (next) {
    const p = await db.selectFrom('duty_task').select(['id', 'number', 'title', 'parent_id']).where('tenant_id', '=', tenantId).where('id', '=', next).executeTakeFirstOrThrow();
    out.unshift(p);
    next = p.parent_id;
  }
  return out;
}

export async function maxSeq(db: Db | Tx, tenantId: string, planId: string, parentId: string | null): Promise<number> {
  let b = db.selectFrom('duty_task').select(sql<number>`max(seq)`.as('m')).where('tenant_id', '=', tenantId).where('plan_id', '=', planId);
  b = parentId ? b.where('parent_id', '=', parentId) : b.where('parent_id', 'is', null);
  const r = await b.executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function insertTask(tx: Tx, row: TaskRow): Promise<void> {
  await tx.insertInto('duty_task').values(row).execute();
}

export async function updateTask(tx: Tx, tenantId: string, id: string, patch: Partial<TaskRow>): Promise<void> {
  await tx.updateTable('duty_task').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteTask(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('duty_task').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Children whose assigning org is the parent's: they follow when the parent moves to another org. */
export async function setChildrenAssigner(tx: Tx, tenantId: string, parentId: string, orgId: string): Promise<void> {
  await tx.updateTable('duty_task').set({ assigner_org_id: orgId }).where('tenant_id', '=', tenantId).where('parent_id', '=', parentId).execute();
}

export async function coOrgsOf(db: Db | Tx, tenantId: string, taskIds: string[]) {
  if (!taskIds.length) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .selectFrom('duty_task_co_org as c')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .select(['c.task_id', 'o.id', 'o.name', 'o.sort'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.task_id', 'in', taskIds)
    .orderBy('o.sort')
    .execute();
  const out = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export async function setCoOrgs(tx: Tx, tenantId: string, taskId: string, orgIds: string[]): Promise<void> {
  await tx.deleteFrom('duty_task_co_org').where('tenant_id', '=', tenantId).where('task_id', '=', taskId).execute();
  if (orgIds.length) await tx.insertInto('duty_task_co_org').values(orgIds.map((org_id) => ({ tenant_id: tenantId, task_id: taskId, org_id }))).execute();
}

// ---------------------------------------------------------------- occurrences, reports, evidence, events

export function occurrencesOf(db: Db | Tx, tenantId: string, taskId: string): Promise<OccurrenceRow[]> {
  return db.selectFrom('duty_task_occurrence').selectAll().where('tenant_id', '=', tenantId).where('task_id', '=', taskId).orderBy('seq').execute();
}

export async function insertOccurrences(tx: Tx, rows: OccurrenceRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('duty_task_occurrence').values(rows).execute();
}

export async function deleteOccurrences(tx: Tx, tenantId: string, taskId: string): Promise<void> {
  await tx.deleteFrom('duty_task_occurrence').where('tenant_id', '=', tenantId).where('task_id', '=', taskId).execute();
}

export async function updateOccurrence(tx: Tx, tenantId: string, id: string, patch: Partial<OccurrenceRow>): Promise<void> {
  await tx.updateTable('duty_task_occurrence').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function reportCount(db: Db | Tx, tenantId: string, taskId: string): Promise<number> {
  const r = await db.selectFrom('duty_task_report').select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', tenantId).where('task_id', '=', taskId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function reportsOf(db: Db | Tx, tenantId: string, taskId: string) {
  return db
    .selectFrom('duty_task_report as r')
    .leftJoin('user_account as ru', (j) => j.onRef('ru.tenant_id', '=', 'r.tenant_id').onRef('ru.id', '=', 'r.reported_by'))
    .leftJoin('user_account as vu', (j) => j.onRef('vu.tenant_id', '=', 'r.tenant_id').onRef('vu.id', '=', 'r.reviewed_by'))
    .selectAll('r')
    .select(['ru.display_name as reporter_name', 'vu.display_name as reviewer_name'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.task_id', '=', taskId)
    .orderBy('r.reported_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export function findReport(db: Db | Tx, tenantId: string, taskId: string, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('duty_task_report').selectAll().where('tenant_id', '=', tenantId).where('task_id', '=', taskId).where('id', '=', id).executeTakeFirst();
}

export async function insertReport(tx: Tx, row: ReportRow): Promise<void> {
  await tx.insertInto('duty_task_report').values(row).execute();
}

/** Moves a pending report on; false when another reviewer got there first. */
export async function reviewReport(tx: Tx, tenantId: string, id: string, patch: Pick<ReportRow, 'status' | 'reviewed_by' | 'reviewed_at' | 'comment'>): Promise<boolean> {
  const r = await tx.updateTable('duty_task_report').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function pendingCount(db: Db | Tx, tenantId: string, taskId: string, occurrenceId: string | null): Promise<number> {
  let b = db.selectFrom('duty_task_report').select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', tenantId).where('task_id', '=', taskId).where('status', '=', 'pending');
  if (occurrenceId) b = b.where('occurrence_id', '=', occurrenceId);
  return Number((await b.executeTakeFirstOrThrow()).n);
}

export async function insertEvidence(tx: Tx, rows: DutyTaskEvidenceTable[]): Promise<void> {
  if (rows.length) await tx.insertInto('duty_task_evidence').values(rows).execute();
}

export function evidenceOf(db: Db | Tx, tenantId: string, taskId: string) {
  return db
    .selectFrom('duty_task_evidence as e')
    .innerJoin('attachment as a', (j) => j.onRef('a.tenant_id', '=', 'e.tenant_id').onRef('a.id', '=', 'e.attachment_id'))
    .select(['e.report_id', 'a.id', 'a.name', 'a.mime', 'a.size'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.task_id', '=', taskId)
    .orderBy('a.created_at')
    .execute();
}

/** The task a report (the owner of evidence attachments) belongs to, for the download policy. */
export async function taskOfReport(db: Db | Tx, tenantId: string, reportId: string): Promise<string | null> {
  const r = await db.selectFrom('duty_task_report').select('task_id').where('tenant_id', '=', tenantId).where('id', '=', reportId).executeTakeFirst();
  return r?.task_id ?? null;
}

export async function insertEvent(tx: Tx, row: DutyTaskEventTable): Promise<void> {
  await tx.insertInto('duty_task_event').values(row).execute();
}

/** A job's event under its dedupe key; false when it was written before. */
export async function insertEventOnce(tx: Tx, row: DutyTaskEventTable): Promise<boolean> {
  const r = await tx
    .insertInto('duty_task_event')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'task_id', 'kind', 'dedupe']).where('dedupe', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function eventsOf(db: Db | Tx, tenantId: string, taskId: string) {
  return db
    .selectFrom('duty_task_event as e')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.id', 'e.at', 'e.kind', 'e.note', 'u.display_name as actor_name'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.task_id', '=', taskId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

// ---------------------------------------------------------------- reference data

export async function orgWithin(db: Db | Tx, tenantId: string, ancestorId: string, descendantId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('org_closure')
    .select('depth')
    .where('tenant_id', '=', tenantId)
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', descendantId)
    .executeTakeFirst());
}

export async function existingOrgs(db: Db | Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id));
}

export async function existingPersons(db: Db | Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await db.selectFrom('person').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute()).map((r) => r.id));
}

export async function orgName(db: Db | Tx, tenantId: string, id: string): Promise<string> {
  const r = await db.selectFrom('org').select('name').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.name ?? '';
}
