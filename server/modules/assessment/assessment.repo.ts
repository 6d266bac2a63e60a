import { sql, type ExpressionBuilder } from 'kysely';
import type { AssessmentQuery, RubricQuery, SubjectKind } from '../../../contracts/assessment.js';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { DB } from '../../schema.js';
import type { AssessmentEventTable, AssessmentRubricTable, AssessmentSheetTable, AssessmentTable } from './assessment.tables.js';

export type RubricRow = AssessmentRubricTable;
export type AssessmentRow = AssessmentTable;
export type SheetRow = AssessmentSheetTable;
export type EventRow = AssessmentEventTable;

export interface Reader {
  tenantId: string;
  scope: Scope | null;
  personId: string | null;
}

// ---------------------------------------------------------------- rubrics

function rubricLedger(db: Db | Tx, tenantId: string, q: RubricQuery) {
  let b = db.selectFrom('assessment_rubric as r').where('r.tenant_id', '=', tenantId);
  if (q.year !== undefined) b = b.where('r.year', '=', q.year);
  if (q.subjectKind) b = b.where('r.subject_kind', '=', q.subjectKind);
  if (q.status) b = b.where('r.status', '=', q.status);
  if (q.q) b = b.where(sql`lower(r.name)`, 'like', `%${q.q.toLowerCase()}%`);
  return b;
}

const assessmentCount = sql<number>`(select count(*) from assessment a where a.tenant_id = r.tenant_id and a.rubric_id = r.id)`.as('assessment_count');

export async function searchRubrics(db: Db, tenantId: string, q: RubricQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    rubricLedger(db, tenantId, q).selectAll('r').select(assessmentCount).orderBy('r.year', 'desc').orderBy('r.name').limit(pageSize).offset((page - 1) * pageSize).execute(),
    rubricLedger(db, tenantId, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function findRubric(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('assessment_rubric as r').selectAll('r').select(assessmentCount).where('r.tenant_id', '=', tenantId).where('r.id', '=', id).executeTakeFirst();
}

export type RubricListRow = NonNullable<Awaited<ReturnType<typeof findRubric>>>;

export async function insertRubric(tx: Tx, row: RubricRow): Promise<void> {
  await tx.insertInto('assessment_rubric').values(row).execute();
}

export async function updateRubric(tx: Tx, tenantId: string, id: string, patch: Partial<RubricRow>): Promise<void> {
  await tx.updateTable('assessment_rubric').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- assessments

function ledger(db: Db | Tx, r: Reader) {
  return db
    .selectFrom('assessment as a')
    .innerJoin('assessment_rubric as r', (j) => j.onRef('r.tenant_id', '=', 'a.tenant_id').onRef('r.id', '=', 'a.rubric_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.org_id'))
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.person_id'))
    .where('a.tenant_id', '=', r.tenantId)
    .where((eb) => scopeFilter(eb as unknown as ExpressionBuilder<DB, keyof DB>, r.tenantId, r.scope, { org: 'a.org_id', person: 'a.person_id' }, r.personId));
}

const summaryColumns = [
  'a.id', 'a.year', 'a.rubric_id', 'r.name as rubric_name', 'a.subject_kind', 'a.org_id', 'o.name as org_name', 'a.person_id', 'p.name as person_name',
  'a.status', 'a.self_total_centi', 'a.review_total_centi', 'a.final_total_centi', 'a.grade', 'a.updated_at', 'a.approved_at',
] as const;

function filtered(db: Db | Tx, r: Reader, q: AssessmentQuery) {
  let b = ledger(db, r);
  if (q.year !== undefined) b = b.where('a.year', '=', q.year);
  if (q.rubricId) b = b.where('a.rubric_id', '=', q.rubricId);
  if (q.subjectKind) b = b.where('a.subject_kind', '=', q.subjectKind);
  if (q.status) b = b.where('a.status', '=', q.status);
  if (q.grade) b = b.where('a.grade', '=', q.grade);
  if (q.orgId) {
    const orgId = q.orgId;
    b = b.where('a.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  }
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['o.name']), 'like', like), eb(eb.fn('lower', ['p.name']), 'like', like)]));
  }
  return b;
}

export async function searchAssessments(db: Db, r: Reader, q: AssessmentQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    filtered(db, r, q).select(summaryColumns).orderBy('a.year', 'desc').orderBy('o.sort').orderBy('o.name').orderBy('p.name').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, r, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export type SummaryRow = Awaited<ReturnType<typeof searchAssessments>>['rows'][number];

export function findSummary(db: Db | Tx, r: Reader, id: string) {
  return ledger(db, r).select(summaryColumns).where('a.id', '=', id).executeTakeFirst();
}

export function summariesByIds(db: Db | Tx, r: Reader, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as SummaryRow[]);
  return ledger(db, r).select(summaryColumns).where('a.id', 'in', ids).orderBy('o.sort').orderBy('o.name').orderBy('p.name').execute();
}

export function findAssessment(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('assessment').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function existingSubjects(db: Db | Tx, tenantId: string, rubricId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('assessment').select('subject_key').where('tenant_id', '=', tenantId).where('rubric_id', '=', rubricId).execute();
  return new Set(rows.map((r) => r.subject_key));
}

export async function insertAssessments(tx: Tx, rows: AssessmentRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('assessment').values(rows).execute();
}

export async function updateAssessment(tx: Tx, tenantId: string, id: string, patch: Partial<AssessmentRow>): Promise<void> {
  await tx.updateTable('assessment').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function sheetsOf(db: Db | Tx, tenantId: string, assessmentId: string) {
  return db
    .selectFrom('assessment_sheet as s')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.saved_by'))
    .select(['s.id', 's.stage', 's.data', 's.locked', 's.saved_by', 's.saved_at', 'u.display_name as saved_by_name'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.assessment_id', '=', assessmentId)
    .execute();
}

export async function saveSheet(tx: Tx, row: SheetRow): Promise<void> {
  const updated = await tx
    .updateTable('assessment_sheet')
    .set({ data: row.data, saved_by: row.saved_by, saved_at: row.saved_at })
    .where('tenant_id', '=', row.tenant_id)
    .where('assessment_id', '=', row.assessment_id)
    .where('stage', '=', row.stage)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await tx.insertInto('assessment_sheet').values(row).execute();
}

export async function lockSheets(tx: Tx, tenantId: string, assessmentId: string): Promise<void> {
  await tx.updateTable('assessment_sheet').set({ locked: 1 }).where('tenant_id', '=', tenantId).where('assessment_id', '=', assessmentId).execute();
}

export async function insertEvent(tx: Tx, row: EventRow): Promise<void> {
  await tx.insertInto('assessment_event').values(row).execute();
}

export function eventsOf(db: Db | Tx, tenantId: string, assessmentId: string) {
  return db
    .selectFrom('assessment_event as e')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.id', 'e.at', 'e.kind', 'e.note', 'u.display_name as actor_name'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.assessment_id', '=', assessmentId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export function userName(db: Db | Tx, tenantId: string, userId: string) {
  return db.selectFrom('user_account').select('display_name').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

/** Approved results in a range of years, for the pay export and the comparison. */
export function approved(db: Db, r: Reader, f: { fromYear: number; toYear: number; subjectKind?: SubjectKind; orgId?: string }) {
  let b = ledger(db, r).where('a.status', '=', 'approved').where('a.year', '>=', f.fromYear).where('a.year', '<=', f.toYear);
  if (f.subjectKind) b = b.where('a.subject_kind', '=', f.subjectKind);
  if (f.orgId) {
    const orgId = f.orgId;
    b = b.where('a.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  }
  return b.select([...summaryColumns, 'a.subject_key']).orderBy('o.sort').orderBy('o.name').orderBy('p.name').orderBy('a.year').execute();
}

// ---------------------------------------------------------------- subjects (reference data)

export function orgsByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** Leaders among these people, with the org their assessment belongs to. */
export function leadersByPersons(db: Db | Tx, tenantId: string, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([] as { id: string; name: string; primary_org_id: string }[]);
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.name', 'p.primary_org_id'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', 'in', personIds)
    .where((eb) => eb.exists(eb.selectFrom('leader as l').select('l.id').whereRef('l.tenant_id', '=', 'p.tenant_id').whereRef('l.person_id', '=', 'p.id')))
    .execute();
}

export function peopleByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('person').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** The leader rows of a person and the orgs they oversee (分管), for feeds that count a leader's area. */
export async function leaderAreas(db: Db | Tx, tenantId: string, personId: string): Promise<{ leaderIds: string[]; orgIds: string[] }> {
  const leaders = await db.selectFrom('leader').select('id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
  const leaderIds = leaders.map((l) => l.id);
  if (!leaderIds.length) return { leaderIds, orgIds: [] };
  const orgs = await db.selectFrom('leader_oversight').select('org_id').distinct().where('tenant_id', '=', tenantId).where('leader_id', 'in', leaderIds).execute();
  return { leaderIds, orgIds: orgs.map((o) => o.org_id) };
}
