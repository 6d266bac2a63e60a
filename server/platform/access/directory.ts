import type { Db, Tx } from '../context.js';

/** Active accounts linked to people: the way a module reaches a person (owner, leader) in the app. */
export async function usersOfPersons(db: Db | Tx, tenantId: string, personIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!personIds.length) return out;
  const rows = await db
    .selectFrom('user_account')
    .select(['id', 'person_id'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', [...new Set(personIds)])
    .where('status', '=', 'active')
    .execute();
  for (const r of rows) if (r.person_id) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.id]);
  return out;
}

/** Active accounts holding a role (e.g. every 纪检委员 for an escalation). */
export async function usersWithRole(db: Db | Tx, tenantId: string, roleCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignment as ra')
    .innerJoin('role as r', (j) => j.onRef('r.tenant_id', '=', 'ra.tenant_id').onRef('r.id', '=', 'ra.role_id'))
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'ra.tenant_id').onRef('u.id', '=', 'ra.user_id'))
    .select('u.id')
    .where('ra.tenant_id', '=', tenantId)
    .where('r.code', '=', roleCode)
    .where('u.status', '=', 'active')
    .distinct()
    .execute();
  return rows.map((r) => r.id);
}
