import { sql } from 'kysely';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { OrgTable } from './orgs.tables.js';

export type OrgRow = OrgTable;

export function listOrgs(db: Db | Tx, tenantId: string, scope: Scope | null) {
  return db
    .selectFrom('org')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => scopeFilter(eb, tenantId, scope, { org: 'org.id' }, null))
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

export function findOrg(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertOrg(tx: Tx, row: OrgRow): Promise<void> {
  await tx.insertInto('org').values(row).execute();
  await tx.insertInto('org_closure').values({ tenant_id: row.tenant_id, ancestor_id: row.id, descendant_id: row.id, depth: 0 }).execute();
  if (row.parent_id) {
    await tx
      .insertInto('org_closure')
      .columns(['tenant_id', 'ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure')
          .select([sql.lit(row.tenant_id).as('t'), 'ancestor_id', sql.lit(row.id).as('d'), sql<number>`depth + 1`.as('depth')])
          .where('tenant_id', '=', row.tenant_id)
          .where('descendant_id', '=', row.parent_id!),
      )
      .execute();
  }
}

export async function updateOrgRow(tx: Tx, tenantId: string, id: string, patch: Partial<OrgRow>): Promise<void> {
  await tx.updateTable('org').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function isDescendant(db: Db | Tx, tenantId: string, ancestorId: string, orgId: string): Promise<boolean> {
  const r = await db
    .selectFrom('org_closure')
    .select('depth')
    .where('tenant_id', '=', tenantId)
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', orgId)
    .executeTakeFirst();
  return !!r;
}

/** Re-hangs a subtree: drop the links from outside ancestors into it, then link the new parent's ancestors. */
export async function moveSubtree(tx: Tx, tenantId: string, id: string, parentId: string): Promise<void> {
  const subtree = (t: Tx) => t.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', tenantId).where('ancestor_id', '=', id);
  await tx
    .deleteFrom('org_closure')
    .where('tenant_id', '=', tenantId)
    .where('descendant_id', 'in', subtree(tx))
    .where('ancestor_id', 'not in', subtree(tx))
    .execute();
  await tx
    .insertInto('org_closure')
    .columns(['tenant_id', 'ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('org_closure as a')
        .innerJoin('org_closure as d', (j) => j.onRef('d.tenant_id', '=', 'a.tenant_id'))
        .select([sql.lit(tenantId).as('t'), 'a.ancestor_id', 'd.descendant_id', sql<number>`a.depth + d.depth + 1`.as('depth')])
        .where('a.tenant_id', '=', tenantId)
        .where('a.descendant_id', '=', parentId)
        .where('d.ancestor_id', '=', id),
    )
    .execute();
}

export async function hasChildren(db: Db | Tx, tenantId: string, id: string): Promise<boolean> {
  return !!(await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('parent_id', '=', id).limit(1).executeTakeFirst());
}

export async function deleteOrgRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('org_closure').where('tenant_id', '=', tenantId).where('descendant_id', '=', id).execute();
  await tx.deleteFrom('org').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
