import { sql, type SqlBool, type Expression, type ExpressionBuilder } from 'kysely';
import type { RectificationQuery } from '../../../contracts/rectification.js';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { DB } from '../../schema.js';
import type { RectificationItemTable, RectificationMeasureTable } from './rectification.tables.js';

export type ItemRow = RectificationItemTable;
export type MeasureRow = RectificationMeasureTable;

export interface Reader {
  tenantId: string;
  scope: Scope | null;
  personId: string | null;
}

/**
 * What a reader may see: items in their rectification:read scope, plus any item they own or hold a
 * measure of, whatever their role's scope — an owner always sees their own work.
 */
function visible(eb: ExpressionBuilder<any, any>, r: Reader): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [
    scopeFilter(eb as ExpressionBuilder<DB, keyof DB>, r.tenantId, r.scope, { org: 'i.org_id', person: 'i.owner_person_id' }, r.personId),
  ];
  if (r.personId) {
    ors.push(sql<SqlBool>`i.owner_person_id = ${r.personId}`);
    ors.push(sql<SqlBool>`exists (select 1 from rectification_measure m where m.tenant_id = i.tenant_id and m.item_id = i.id and m.owner_person_id = ${r.personId})`);
  }
  return eb.or(ors);
}

function ledger(db: Db | Tx, r: Reader, q: RectificationQuery, today: string) {
  let b = db
    .selectFrom('rectification_item as i')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'i.tenant_id').onRef('o.id', '=', 'i.org_id'))
    .innerJoin('person as op', (j) => j.onRef('op.tenant_id', '=', 'i.tenant_id').onRef('op.id', '=', 'i.owner_person_id'))
    .leftJoin('leader as l', (j) => j.onRef('l.tenant_id', '=', 'i.tenant_id').onRef('l.id', '=', 'i.leader_id'))
    .leftJoin('person as lp', (j) => j.onRef('lp.tenant_id', '=', 'l.tenant_id').onRef('lp.id', '=', 'l.person_id'))
    .where('i.tenant_id', '=', r.tenantId)
    .where((eb) => visible(eb, r));
  if (q.sourceType) b = b.where('i.source_type', '=', q.sourceType);
  if (q.sourceId) b = b.where('i.source_id', '=', q.sourceId);
  if (q.status) b = b.where('i.status', '=', q.status);
  if (q.leaderId) b = b.where('i.leader_id', '=', q.leaderId);
  if (q.ownerId) b = b.where('i.owner_person_id', '=', q.ownerId);
  if (q.orgId) {
    const orgId = q.orgId;
    b = b.where('i.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  }
  if (q.overdue !== undefined) b = b.where((eb) => (q.overdue ? eb.and([eb('i.status', '<>', 'closed'), eb('i.due_date', '<', today)]) : eb.or([eb('i.status', '=', 'closed'), eb('i.due_date', '>=', today)])));
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['i.title']), 'like', like), eb(eb.fn('lower', ['i.code']), 'like', like)]));
  }
  return b;
}

const summaryColumns = [
  'i.id', 'i.code', 'i.title', 'i.source_type', 'i.source_id', 'i.source_label', 'i.org_id', 'o.name as org_name', 'i.leader_id',
  'lp.name as leader_name', 'i.owner_person_id', 'op.name as owner_name', 'i.status', 'i.due_date', 'i.extensions', 'i.reopens',
  'i.created_at', 'i.closed_at',
] as const;

export async function searchItems(db: Db, r: Reader, q: RectificationQuery, today: string) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    ledger(db, r, q, today).select(summaryColumns).orderBy('i.due_date').orderBy('i.code').limit(pageSize).offset((page - 1) * pageSize).execute(),
    ledger(db, r, q, today).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function allItems(db: Db, r: Reader, q: RectificationQuery, today: string) {
  return ledger(db, r, q, today).select(summaryColumns).orderBy('i.code').execute();
}

export type SummaryRow = Awaited<ReturnType<typeof allItems>>[number];

export async function findSummary(db: Db | Tx, r: Reader, id: string) {
  return ledger(db, r, {}, '').select(summaryColumns).where('i.id', '=', id).executeTakeFirst();
}

export function findItem(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('rectification_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function measureCounts(db: Db | Tx, tenantId: string, itemIds: string[]) {
  if (!itemIds.length) return new Map<string, { done: number; total: number }>();
  const rows = await db
    .selectFrom('rectification_measure')
    .select(['item_id', sql<number>`count(*)`.as('total'), sql<number>`sum(case when status = 'done' then 1 else 0 end)`.as('done')])
    .where('tenant_id', '=', tenantId)
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, { done: Number(r.done), total: Number(r.total) }]));
}

export function measuresOf(db: Db | Tx, tenantId: string, itemId: string) {
  return db
    .selectFrom('rectification_measure as m')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.owner_person_id'))
    .select(['m.id', 'm.seq', 'm.description', 'm.owner_person_id', 'p.name as owner_name', 'm.due_date', 'm.status', 'm.done_at', 'm.note'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.item_id', '=', itemId)
    .orderBy('m.seq')
    .execute();
}

export function evidenceOf(db: Db | Tx, tenantId: string, itemId: string) {
  return db
    .selectFrom('rectification_evidence as e')
    .innerJoin('attachment as a', (j) => j.onRef('a.tenant_id', '=', 'e.tenant_id').onRef('a.id', '=', 'e.attachment_id'))
    .select(['e.id', 'e.measure_id', 'e.attachment_id', 'a.name', 'a.mime', 'a.size', 'e.note', 'e.created_at'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.item_id', '=', itemId)
    .orderBy('e.created_at')
    .execute();
}

export function extensionsOf(db: Db | Tx, tenantId: string, itemId: string) {
  return db
    .selectFrom('rectification_extension as x')
    .leftJoin('user_account as rq', (j) => j.onRef('rq.tenant_id', '=', 'x.tenant_id').onRef('rq.id', '=', 'x.requested_by'))
    .leftJoin('user_account as dc', (j) => j.onRef('dc.tenant_id', '=', 'x.tenant_id').onRef('dc.id', '=', 'x.decided_by'))
    .select(['x.id', 'x.days', 'x.reason', 'x.status', 'rq.display_name as requested_by', 'x.requested_at', 'dc.display_name as decided_by', 'x.decided_at', 'x.decision_note', 'x.requested_by as requester_id'])
    .where('x.tenant_id', '=', tenantId)
    .where('x.item_id', '=', itemId)
    .orderBy('x.requested_at')
    .execute();
}

export function eventsOf(db: Db | Tx, tenantId: string, itemId: string) {
  return db
    .selectFrom('rectification_event as e')
    .leftJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.id', 'e.at', 'e.kind', 'u.display_name as actor_name', 'e.note', 'e.params'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.item_id', '=', itemId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function insertItem(tx: Tx, row: ItemRow): Promise<void> {
  await tx.insertInto('rectification_item').values(row).execute();
}

export async function insertMeasures(tx: Tx, rows: MeasureRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('rectification_measure').values(rows).execute();
}

export async function updateItem(tx: Tx, tenantId: string, id: string, patch: Partial<ItemRow>): Promise<void> {
  await tx.updateTable('rectification_item').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function updateMeasure(tx: Tx, tenantId: string, id: string, patch: Partial<MeasureRow>): Promise<void> {
  await tx.updateTable('rectification_measure').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function measureOwners(db: Db | Tx, tenantId: string, itemId: string): Promise<string[]> {
  const rows = await db.selectFrom('rectification_measure').select('owner_person_id').where('tenant_id', '=', tenantId).where('item_id', '=', itemId).execute();
  return rows.map((r) => r.owner_person_id);
}

export function findMeasure(db: Db | Tx, tenantId: string, itemId: string, id: string) {
  return db.selectFrom('rectification_measure').selectAll().where('tenant_id', '=', tenantId).where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst();
}

export async function maxMeasureSeq(db: Db | Tx, tenantId: string, itemId: string): Promise<number> {
  const r = await db.selectFrom('rectification_measure').select(sql<number>`max(seq)`.as('m')).where('tenant_id', '=', tenantId).where('item_id', '=', itemId).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function insertEvent(tx: Tx, row: { tenant_id: string; id: string; item_id: string; at: string; actor_id: string | null; kind: string; note: string; params: string }): Promise<void> {
  await tx.insertInto('rectification_event').values(row).execute();
}

/** 整改完成率 per responsible org, over the reader's visible items. */
export async function orgSummary(db: Db, r: Reader, q: RectificationQuery, today: string) {
  return ledger(db, r, q, today)
    .select([
      'i.org_id',
      'o.name as org_name',
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when i.status = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when i.status <> 'closed' and i.due_date < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .groupBy(['i.org_id', 'o.name'])
    .orderBy('o.name')
    .execute();
}

/** Open items with their owners and the people to escalate to, for the daily digest. */
export function openItemsForReminders(db: Db, tenantId: string) {
  return db
    .selectFrom('rectification_item as i')
    .leftJoin('leader as l', (j) => j.onRef('l.tenant_id', '=', 'i.tenant_id').onRef('l.id', '=', 'i.leader_id'))
    .select(['i.id', 'i.due_date', 'i.owner_person_id', 'l.person_id as leader_person_id'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.status', '<>', 'closed')
    .execute();
}

export function openMeasureOwners(db: Db, tenantId: string, itemIds: string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('rectification_measure')
    .select(['item_id', 'owner_person_id', 'due_date'])
    .where('tenant_id', '=', tenantId)
    .where('item_id', 'in', itemIds)
    .where('status', '=', 'open')
    .execute();
}
