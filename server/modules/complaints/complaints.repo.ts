import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ComplaintQuery, ComplaintStatus } from '../../../contracts/complaints.js';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import { addDays } from '../../platform/clock/calendar.js';
import type { DialectName } from '../../platform/db/database.js';
import type { DB } from '../../schema.js';
import { colourCondition, type SlaSqlInput } from './complaints.sla.js';
import type { ComplaintTable } from './complaints.tables.js';

export type ComplaintRow = ComplaintTable;

/**
 * Who is asking, resolved once per request. Paths to a complaint: 监督部门 (supervise scope over its org or
 * responsible org), handlers (handle scope over the responsible org once it is 交办, unless on the accused
 * org's chain or recorded as recused), read-only roles such as 书记 and 信访干事 (read scope, when they hold
 * neither of the two working permissions), and whoever entered it. Nobody named in it ever sees it.
 */
export interface Reader {
  tenantId: string;
  supervise: Scope | null;
  handle: Scope | null;
  readOnly: Scope | null;
  personId: string | null;
  userId: string | null;
  /** Accused orgs this person may not handle (see complaints.recusal.ts). */
  chainExcluded: string[];
}

export const HANDLED: ComplaintStatus[] = ['dispatched', 'in_progress', 'answered', 'rated', 'closed'];

type EB = ExpressionBuilder<DB, keyof DB>;

function visible(eb: ExpressionBuilder<any, any>, r: Reader): Expression<SqlBool> {
  const e = eb as EB;
  const on = (scope: Scope | null, column: string) => scopeFilter(e, r.tenantId, scope, { org: column }, null);
  const paths: Expression<SqlBool>[] = [on(r.supervise, 'c.org_id'), on(r.supervise, 'c.responsible_org_id'), on(r.readOnly, 'c.org_id'), on(r.readOnly, 'c.responsible_org_id')];
  if (r.handle) {
    const handled: Expression<SqlBool>[] = [on(r.handle, 'c.responsible_org_id'), sql<SqlBool>`c.status in (${sql.join(HANDLED)})`];
    if (r.chainExcluded.length) handled.push(sql<SqlBool>`c.org_id not in (${sql.join(r.chainExcluded)})`);
    if (r.personId) handled.push(sql<SqlBool>`not exists (select 1 from complaint_recusal x where x.tenant_id = c.tenant_id and x.complaint_id = c.id and x.person_id = ${r.personId})`);
    paths.push(e.and(handled));
  }
  if (r.userId) paths.push(sql<SqlBool>`c.intake_by = ${r.userId}`);
  const any = e.or(paths);
  if (!r.personId) return any;
  return e.and([any, sql<SqlBool>`not exists (select 1 from complaint_named_person np where np.tenant_id = c.tenant_id and np.complaint_id = c.id and np.person_id = ${r.personId})`]);
}

function base(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('complaint_category as cat', (j) => j.onRef('cat.tenant_id', '=', 'c.tenant_id').onRef('cat.id', '=', 'c.category_id'))
    .innerJoin('complaint_matter as m', (j) => j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.id', '=', 'c.matter_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .leftJoin('org as ro', (j) => j.onRef('ro.tenant_id', '=', 'c.tenant_id').onRef('ro.id', '=', 'c.responsible_org_id'))
    .where('c.tenant_id', '=', tenantId);
}

export type ListFilter = Omit<ComplaintQuery, 'page' | 'pageSize'>;

function inbox(db: Db | Tx, r: Reader, q: ListFilter, sla: SlaSqlInput | null) {
  let b = base(db, r.tenantId).where((eb) => visible(eb, r));
  if (q.status) b = b.where('c.status', '=', q.status);
  if (q.channel) b = b.where('c.channel', '=', q.channel);
  if (q.categoryId) b = b.where('c.category_id', '=', q.categoryId);
  if (q.orgId) {
    const sub = sql`(select descendant_id from org_closure where tenant_id = ${r.tenantId} and ancestor_id = ${q.orgId})`;
    b = b.where(sql<SqlBool>`(c.org_id in ${sub} or c.responsible_org_id in ${sub})`);
  }
  if (q.from) b = b.where('c.submitted_at', '>=', q.from);
  if (q.to) b = b.where('c.submitted_at', '<', addDays(q.to, 1));
  if (q.q) b = b.where(sql<SqlBool>`lower(c.code) like ${`%${q.q.toLowerCase()}%`}`);
  if (q.sla && sla) b = b.where(colourCondition(q.sla, sla));
  return b;
}

const summaryColumns = [
  'c.id', 'c.code', 'c.channel', 'c.status', 'c.category_id', 'cat.name as category_name', 'c.matter_id', 'm.name as matter_name', 'c.org_id',
  'o.name as org_name', 'c.responsible_org_id', 'ro.name as responsible_org_name', 'c.anonymous', 'c.content_enc', 'c.submitted_at',
  'c.dispatched_at', 'c.accepted_at', 'c.due_date', 'c.extensions', 'c.redos', 'c.dissatisfied', 'c.case_id', 'm.assign_days', 'm.answer_days',
] as const;

export async function searchComplaints(db: Db, r: Reader, q: ComplaintQuery, sla: SlaSqlInput) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    inbox(db, r, q, sla).select(summaryColumns).orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    inbox(db, r, q, sla).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function allComplaints(db: Db, r: Reader, q: ListFilter, sla: SlaSqlInput) {
  return inbox(db, r, q, sla).select(summaryColumns).orderBy('c.code').execute();
}

export type SummaryRow = Awaited<ReturnType<typeof allComplaints>>[number];

export function findVisible(db: Db | Tx, r: Reader, id: string) {
  return inbox(db, r, {}, null).select(summaryColumns).where('c.id', '=', id).executeTakeFirst();
}

export function caseMembers(db: Db | Tx, r: Reader, caseId: string, except: string) {
  return inbox(db, r, {}, null).select(['c.id', 'c.code', 'c.status']).where('c.case_id', '=', caseId).where('c.id', '<>', except).orderBy('c.code').execute();
}

export function findComplaint(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('complaint').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Holds the complaint's row until the transaction ends, so two steps on one complaint run one after the
 * other and the second decides on what the first left. PostgreSQL needs the row lock; SQLite runs one
 * write transaction at a time on its single connection already.
 */
export async function lockComplaint(tx: Tx, dialect: DialectName, tenantId: string, id: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await tx.selectFrom('complaint').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}

export async function updateComplaint(tx: Tx, tenantId: string, id: string, patch: Partial<ComplaintRow>): Promise<void> {
  await tx.updateTable('complaint').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function matterOf(db: Db | Tx, tenantId: string, matterId: string) {
  return db.selectFrom('complaint_matter').select(['assign_days', 'answer_days']).where('tenant_id', '=', tenantId).where('id', '=', matterId).executeTakeFirstOrThrow();
}

/** Day overrides the tenant's matters use, for the SLA filter's CASE. */
export async function dayOverrides(db: Db | Tx, tenantId: string): Promise<{ assign: number[]; answer: number[] }> {
  const rows = await db.selectFrom('complaint_matter').select(['assign_days', 'answer_days']).distinct().where('tenant_id', '=', tenantId).execute();
  const pick = (k: 'assign_days' | 'answer_days') => [...new Set(rows.flatMap((r) => (r[k] === null ? [] : [r[k]!])))];
  return { assign: pick('assign_days'), answer: pick('answer_days') };
}

export function extensionsOf(db: Db | Tx, tenantId: string, complaintId: string) {
  return db
    .selectFrom('complaint_extension')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('complaint_id', '=', complaintId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

export async function isRecused(db: Db | Tx, tenantId: string, complaintId: string, personId: string | null): Promise<boolean> {
  if (!personId) return false;
  const r = await db.selectFrom('complaint_recusal').select('id').where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).where('person_id', '=', personId).executeTakeFirst();
  return !!r;
}

export async function lastRating(db: Db | Tx, tenantId: string, complaintId: string) {
  const r = await db.selectFrom('complaint_rating').select('rating').where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).orderBy('round', 'desc').limit(1).executeTakeFirst();
  return r?.rating ?? null;
}

export async function activeOrg(db: Db | Tx, tenantId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', '=', orgId).where('status', '=', 'active').executeTakeFirst());
}

export async function existingPersons(db: Db | Tx, tenantId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('person').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function replaceNamedPersons(tx: Tx, tenantId: string, complaintId: string, personIds: string[]): Promise<void> {
  await tx.deleteFrom('complaint_named_person').where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).execute();
  if (personIds.length) await tx.insertInto('complaint_named_person').values(personIds.map((person_id) => ({ tenant_id: tenantId, complaint_id: complaintId, person_id }))).execute();
}

/** 已答复 complaints whose answer is at or before `cutoff`, oldest first: the round still waits for its rating. */
export function answeredUnratedSince(db: Db | Tx, tenantId: string, cutoff: string) {
  return db
    .selectFrom('complaint')
    .select(['id', 'code', 'answered_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'answered')
    .where('answered_at', '<=', cutoff)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
}

/**
 * 已答复 → 办结 only if the complaint is still in the state it was found in (same answer, still unrated): a
 * rating, a staff close or another process's run in between leaves nothing to update.
 */
export async function closeIfUnrated(tx: Tx, tenantId: string, id: string, answeredAt: string, at: string): Promise<boolean> {
  const r = await tx
    .updateTable('complaint')
    .set({ status: 'closed', closed_at: at, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'answered')
    .where('answered_at', '=', answeredAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
