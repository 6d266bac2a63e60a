import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/context.js';

/**
 * Active accounts holding duty:manage over each of these orgs (tenant scope, a subtree above the org, or the
 * org itself): the assigners who review reports and hear of escalations. Self scope reaches no org.
 */
export async function managersOf(db: Db | Tx, tenantId: string, orgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const orgs = [...new Set(orgIds)];
  if (!orgs.length) return out;
  const rows = await db
    .selectFrom('role_assignment as ra')
    .innerJoin('role_permission as rp', (j) => j.onRef('rp.tenant_id', '=', 'ra.tenant_id').onRef('rp.role_id', '=', 'ra.role_id'))
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'ra.tenant_id').onRef('u.id', '=', 'ra.user_id'))
    .innerJoin('org as o', (j) => j.on('o.tenant_id', '=', tenantId).on('o.id', 'in', orgs))
    .select(['o.id as org_id', 'u.id as user_id'])
    .where('ra.tenant_id', '=', tenantId)
    .where('rp.permission_code', '=', 'duty:manage')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('ra.scope_kind', '=', 'tenant'),
        eb.and([eb('ra.scope_kind', '=', 'org'), eb('ra.scope_org_id', '=', eb.ref('o.id'))]),
        eb.and([
          eb('ra.scope_kind', '=', 'subtree'),
          sql<boolean>`exists (select 1 from org_closure c where c.tenant_id = ra.tenant_id and c.ancestor_id = ra.scope_org_id and c.descendant_id = o.id)`,
        ]),
      ]),
    )
    .distinct()
    .execute();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.user_id]);
  return out;
}
