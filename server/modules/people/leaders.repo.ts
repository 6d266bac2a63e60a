import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { LeaderTable } from './people.tables.js';

export type LeaderRow = LeaderTable;
export type LeaderListRow = LeaderRow & { person_name: string; primary_org_id: string };

function leadersQuery(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('leader')
    .innerJoin('person', (j) => j.onRef('person.tenant_id', '=', 'leader.tenant_id').onRef('person.id', '=', 'leader.person_id'))
    .selectAll('leader')
    .select(['person.name as person_name', 'person.primary_org_id'])
    .where('leader.tenant_id', '=', tenantId);
}

/** A leader is visible where they work, and to readers of any org in the subtrees they oversee (分管). */
export function listLeaders(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null): Promise<LeaderListRow[]> {
  return leadersQuery(db, tenantId)
    .where((eb) =>
      eb.or([
        scopeFilter(eb, tenantId, scope, { org: 'person.primary_org_id', person: 'leader.person_id' }, actorPersonId),
        eb.exists(
          eb
            .selectFrom('leader_oversight')
            .innerJoin('org_closure', (j) =>
              j.onRef('org_closure.tenant_id', '=', 'leader_oversight.tenant_id').onRef('org_closure.ancestor_id', '=', 'leader_oversight.org_id'),
            )
            .select('org_closure.descendant_id')
            .where('leader_oversight.tenant_id', '=', tenantId)
            .whereRef('leader_oversight.leader_id', '=', 'leader.id')
            .where((sub) => scopeFilter(sub, tenantId, scope, { org: 'org_closure.descendant_id' }, null)),
        ),
      ]),
    )
    .orderBy('leader.sort')
    .orderBy('person.name')
    .orderBy('leader.id')
    .execute();
}

export function findLeader(db: Db | Tx, tenantId: string, id: string): Promise<LeaderListRow | undefined> {
  return leadersQuery(db, tenantId).where('leader.id', '=', id).executeTakeFirst();
}

export async function isLeader(db: Db | Tx, tenantId: string, personId: string): Promise<boolean> {
  return !!(await db.selectFrom('leader').select('id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).executeTakeFirst());
}

export async function oversightOf(db: Db | Tx, tenantId: string, leaderIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!leaderIds.length) return out;
  const rows = await db
    .selectFrom('leader_oversight as lo')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'lo.tenant_id').onRef('org.id', '=', 'lo.org_id'))
    .select(['lo.leader_id', 'org.id', 'org.name'])
    .where('lo.tenant_id', '=', tenantId)
    .where('lo.leader_id', 'in', leaderIds)
    .orderBy('org.sort')
    .orderBy('org.name')
    .execute();
  for (const r of rows) out.set(r.leader_id, [...(out.get(r.leader_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export async function insertLeader(tx: Tx, row: LeaderRow): Promise<void> {
  await tx.insertInto('leader').values(row).execute();
}

export async function updateLeaderRow(tx: Tx, tenantId: string, id: string, patch: Partial<LeaderRow>): Promise<void> {
  await tx.updateTable('leader').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceOversight(tx: Tx, tenantId: string, leaderId: string, orgIds: string[]): Promise<void> {
  await tx.deleteFrom('leader_oversight').where('tenant_id', '=', tenantId).where('leader_id', '=', leaderId).execute();
  if (orgIds.length) await tx.insertInto('leader_oversight').values(orgIds.map((org_id) => ({ tenant_id: tenantId, leader_id: leaderId, org_id }))).execute();
}

export async function deleteLeaderRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('leader').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
