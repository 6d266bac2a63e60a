import type { Permission, ScopeKind } from '../../../contracts/permissions.js';
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

/** One role assignment of an active account: who holds it, through which role, over what. */
export interface GrantHolder {
  userId: string;
  personId: string | null;
  roleCode: string;
  scopeKind: ScopeKind;
  scopeOrgId: string | null;
}

function assignments(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('role as r', (j) => j.onRef('r.tenant_id', '=', 'ra.tenant_id').onRef('r.id', '=', 'ra.role_id'))
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'ra.tenant_id').onRef('u.id', '=', 'ra.user_id'))
    .select(['u.id as user_id', 'u.person_id', 'r.code as role_code', 'ra.scope_kind', 'ra.scope_org_id'])
    .where('ra.tenant_id', '=', tenantId)
    .where('u.status', '=', 'active');
}

const toHolder = (r: { user_id: string; person_id: string | null; role_code: string; scope_kind: ScopeKind; scope_org_id: string | null }): GrantHolder => ({
  userId: r.user_id,
  personId: r.person_id,
  roleCode: r.role_code,
  scopeKind: r.scope_kind,
  scopeOrgId: r.scope_org_id,
});

/** Active accounts holding a permission, one row per assignment that grants it. */
export async function grantHolders(db: Db | Tx, tenantId: string, permission: Permission): Promise<GrantHolder[]> {
  const rows = await assignments(db, tenantId)
    .innerJoin('role_permission as rp', (j) => j.onRef('rp.tenant_id', '=', 'ra.tenant_id').onRef('rp.role_id', '=', 'ra.role_id'))
    .where('rp.permission_code', '=', permission)
    .execute();
  return rows.map(toHolder);
}

/** Active accounts holding business roles, one row per assignment (which org a role is scoped to says whose head one is). */
export async function businessRoleHolders(db: Db | Tx, tenantId: string): Promise<GrantHolder[]> {
  return (await assignments(db, tenantId).where('ra.kind', '=', 'business').execute()).map(toHolder);
}

/** Ancestors of each org (itself included), for checking many holders against many orgs in memory. */
export async function ancestorsMap(db: Db | Tx, tenantId: string): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id']).where('tenant_id', '=', tenantId).execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.descendant_id, (out.get(r.descendant_id) ?? new Set()).add(r.ancestor_id));
  return out;
}

/** Whether a grant reaches an org: tenant scope, a subtree above it, or the org itself. Self scope reaches no org. */
export function holderCovers(h: GrantHolder, orgId: string, ancestors: Map<string, Set<string>>): boolean {
  if (h.scopeKind === 'tenant') return true;
  if (h.scopeKind === 'org') return h.scopeOrgId === orgId;
  if (h.scopeKind === 'subtree') return !!h.scopeOrgId && !!ancestors.get(orgId)?.has(h.scopeOrgId);
  return false;
}

/** Distinct users among the holders whose grant reaches one of these orgs. */
export function usersCovering(holders: GrantHolder[], orgIds: (string | null)[], ancestors: Map<string, Set<string>>): GrantHolder[] {
  const seen = new Map<string, GrantHolder>();
  for (const h of holders) if (!seen.has(h.userId) && orgIds.some((o) => o && holderCovers(h, o, ancestors))) seen.set(h.userId, h);
  return [...seen.values()];
}

/** Who holds a permission over each of these orgs: the active accounts whose grant reaches it. */
export async function holdersOver(db: Db | Tx, tenantId: string, permission: Permission, orgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!orgIds.length) return out;
  const [holders, ancestors] = await Promise.all([grantHolders(db, tenantId, permission), ancestorsMap(db, tenantId)]);
  for (const org of new Set(orgIds)) out.set(org, usersCovering(holders, [org], ancestors).map((h) => h.userId));
  return out;
}
