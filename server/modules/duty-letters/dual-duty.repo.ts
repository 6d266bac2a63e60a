import type { Db, Tx } from '../../platform/context.js';

export async function personOrgIds(db: Db | Tx, tenantId: string, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('person_org').select('org_id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
  return rows.map((r) => r.org_id);
}

export async function personRef(db: Db | Tx, tenantId: string, personId: string) {
  return db.selectFrom('person').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', personId).executeTakeFirst();
}

export async function leaderOf(db: Db | Tx, tenantId: string, personId: string) {
  return db.selectFrom('leader').select(['id', 'title']).where('tenant_id', '=', tenantId).where('person_id', '=', personId).orderBy('sort').executeTakeFirst();
}

export async function oversightOrgs(db: Db | Tx, tenantId: string, leaderId: string) {
  return db
    .selectFrom('leader_oversight as lo')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'lo.tenant_id').onRef('o.id', '=', 'lo.org_id'))
    .select(['o.id', 'o.name', 'o.kind'])
    .where('lo.tenant_id', '=', tenantId)
    .where('lo.leader_id', '=', leaderId)
    .orderBy('o.sort')
    .orderBy('o.name')
    .execute();
}

export async function leaders(db: Db | Tx, tenantId: string) {
  return db.selectFrom('leader').select(['id', 'person_id', 'title']).where('tenant_id', '=', tenantId).orderBy('sort').orderBy('id').execute();
}
