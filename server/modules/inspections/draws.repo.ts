import type { Db, Tx } from '../../platform/context.js';
import type { RandomDrawTable } from './inspections.tables.js';

export type DrawRow = RandomDrawTable;

export async function insertDraw(tx: Tx, row: DrawRow): Promise<void> {
  await tx.insertInto('random_draw').values(row).execute();
}

export function findDraw(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('random_draw').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function listDraws(db: Db, tenantId: string, planId: string | undefined) {
  let q = db.selectFrom('random_draw').selectAll().where('tenant_id', '=', tenantId);
  if (planId) q = q.where('plan_id', '=', planId);
  return q.orderBy('committed_at', 'desc').orderBy('id', 'desc').execute();
}

/** Reveals the seed and stores the selection, once: false when the draw had already been made. */
export async function markDrawn(tx: Tx, tenantId: string, id: string, reveal: Pick<DrawRow, 'seed' | 'public_entropy' | 'selection' | 'drawn_by' | 'drawn_at'>): Promise<boolean> {
  const r = await tx
    .updateTable('random_draw')
    .set({ ...reveal, status: 'drawn' })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'committed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function orgsByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  return db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).orderBy('sort').orderBy('name').execute();
}

export function personsByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('person').select(['id', 'name', 'primary_org_id']).where('tenant_id', '=', tenantId).where('id', 'in', ids).orderBy('name').orderBy('id').execute();
}

export function membershipsOf(db: Db | Tx, tenantId: string, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db.selectFrom('person_org').select(['person_id', 'org_id']).where('tenant_id', '=', tenantId).where('person_id', 'in', personIds).execute();
}

/** Closure links that put an org of `orgIds` in a line with another org: its ancestors and its descendants. */
export function chainLinks(db: Db | Tx, tenantId: string, orgIds: string[]) {
  return db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('descendant_id', 'in', orgIds), eb('ancestor_id', 'in', orgIds)]))
    .execute();
}
