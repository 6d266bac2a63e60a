import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/context.js';
import type { ComplaintEventTable, ComplaintMessageTable, ComplaintRatingTable, ComplaintReporterSessionTable } from '../complaints.tables.js';
import { replied } from '../complaints.kpi.js';

export function findByReceiptHash(db: Db, tenantId: string, receiptHash: string) {
  return db.selectFrom('complaint').select('id').where('tenant_id', '=', tenantId).where('receipt_hash', '=', receiptHash).executeTakeFirst();
}

export async function insertReporterSession(tx: Tx, row: ComplaintReporterSessionTable): Promise<void> {
  await tx.insertInto('complaint_reporter_session').values(row).execute();
}

export function findReporterSession(db: Db, id: string) {
  return db.selectFrom('complaint_reporter_session').select(['tenant_id', 'complaint_id', 'expires_at']).where('id', '=', id).executeTakeFirst();
}

export async function deleteReporterSession(db: Db | Tx, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('complaint_reporter_session').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteExpiredReporterSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom('complaint_reporter_session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Only the columns a reporter may see, with the names of what the complaint is about. */
export function reporterComplaint(db: Db | Tx, tenantId: string, id: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('complaint_category as cat', (j) => j.onRef('cat.tenant_id', '=', 'c.tenant_id').onRef('cat.id', '=', 'c.category_id'))
    .innerJoin('complaint_matter as m', (j) => j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.id', '=', 'c.matter_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .select([
      'c.id', 'c.code', 'c.status', 'c.submitted_at', 'c.assigned_at', 'c.dispatched_at', 'c.answered_at', 'c.closed_at', 'c.answer_enc',
      'c.rejection_reason_enc', 'c.redos', 'cat.name as category_name', 'm.name as matter_name', 'o.name as org_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ReporterComplaintRow = NonNullable<Awaited<ReturnType<typeof reporterComplaint>>>;

/** The two-way exchange: public messages only, and never who wrote them beyond reporter or handler. */
export function publicMessages(db: Db | Tx, tenantId: string, complaintId: string) {
  return db
    .selectFrom('complaint_message')
    .select(['id', 'author', 'body_enc', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('complaint_id', '=', complaintId)
    .where('visibility', '=', 'public')
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function ratingsOf(db: Db | Tx, tenantId: string, complaintId: string) {
  return db.selectFrom('complaint_rating').select(['round', 'rating', 'at']).where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).orderBy('round').execute();
}

export async function hasRating(tx: Tx, tenantId: string, complaintId: string, round: number): Promise<boolean> {
  const row = await tx.selectFrom('complaint_rating').select('id').where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).where('round', '=', round).executeTakeFirst();
  return !!row;
}

export async function insertMessage(tx: Tx, row: ComplaintMessageTable): Promise<void> {
  await tx.insertInto('complaint_message').values(row).execute();
}

export async function insertEvent(tx: Tx, row: ComplaintEventTable): Promise<void> {
  await tx.insertInto('complaint_event').values(row).execute();
}

export async function insertRating(tx: Tx, row: ComplaintRatingTable): Promise<void> {
  await tx.insertInto('complaint_rating').values(row).execute();
}

/** Re-reads the state under the transaction's write lock: what the reporter may do is decided here, not from the view they saw. */
export function complaintState(tx: Tx, tenantId: string, id: string) {
  return tx.selectFrom('complaint').select(['status', 'redos']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function touchComplaint(tx: Tx, tenantId: string, id: string, at: string): Promise<void> {
  await tx.updateTable('complaint').set({ updated_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** 已答复 → 已评价, only from 已答复: a concurrent second rating of the same round finds nothing to update. */
export async function markRated(tx: Tx, tenantId: string, id: string, at: string, dissatisfied: boolean): Promise<boolean> {
  const r = await tx
    .updateTable('complaint')
    .set((eb) => ({ status: 'rated', rated_at: at, updated_at: at, dissatisfied: dissatisfied ? eb('dissatisfied', '+', 1) : eb.ref('dissatisfied') }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'answered')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function enabledCategories(db: Db, tenantId: string) {
  return db
    .selectFrom('complaint_category')
    .select(['id', 'name', 'name_en', 'description'])
    .where('tenant_id', '=', tenantId)
    .where('enabled', '=', 1)
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

export function enabledMatters(db: Db, tenantId: string) {
  return db
    .selectFrom('complaint_matter')
    .select(['id', 'category_id', 'name', 'description', 'responsible_org_id'])
    .where('tenant_id', '=', tenantId)
    .where('enabled', '=', 1)
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

export function activeOrgs(db: Db, tenantId: string) {
  return db.selectFrom('org').select(['id', 'name', 'parent_id']).where('tenant_id', '=', tenantId).where('status', '=', 'active').orderBy('sort').orderBy('name').execute();
}

/** Every complaint's org, category and whether it was answered, with its latest rating: one row each. */
export function statsRows(db: Db, tenantId: string) {
  return db
    .selectFrom('complaint as c')
    .leftJoin('complaint_rating as r', (j) =>
      j
        .onRef('r.tenant_id', '=', 'c.tenant_id')
        .onRef('r.complaint_id', '=', 'c.id')
        .on((eb) =>
          eb(
            'r.round',
            '=',
            eb.selectFrom('complaint_rating as r2').select((e) => e.fn.max('r2.round').as('m')).whereRef('r2.tenant_id', '=', 'c.tenant_id').whereRef('r2.complaint_id', '=', 'c.id'),
          ),
        ),
    )
    .select(['c.org_id', 'c.category_id', sql<number>`case when ${replied} then 1 else 0 end`.as('replied'), 'r.rating'])
    .where('c.tenant_id', '=', tenantId)
    .execute();
}

export function orgNames(db: Db, tenantId: string) {
  return db.selectFrom('org').select(['id', 'name', 'sort']).where('tenant_id', '=', tenantId).orderBy('sort').orderBy('name').execute();
}

export function categoryNames(db: Db, tenantId: string) {
  return db.selectFrom('complaint_category').select(['id', 'name', 'sort']).where('tenant_id', '=', tenantId).orderBy('sort').orderBy('name').execute();
}

/** Failures counted in the shared `rate_limit` table for the current one-minute window. */
export async function failuresInWindow(db: Db, key: string, now: number): Promise<number> {
  const row = await db.selectFrom('rate_limit').select('count').where('key', '=', key).where('reset_at', '>', now).executeTakeFirst();
  return row ? Number(row.count) : 0;
}

export async function countFailure(tx: Tx, key: string, now: number, windowMs: number): Promise<number> {
  const row = await tx
    .insertInto('rate_limit')
    .values({ key, count: 1, reset_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb.case().when('rate_limit.reset_at', '<=', now).then(1).else(eb('rate_limit.count', '+', 1)).end(),
        reset_at: eb.case().when('rate_limit.reset_at', '<=', now).then(now + windowMs).else(eb.ref('rate_limit.reset_at')).end(),
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
