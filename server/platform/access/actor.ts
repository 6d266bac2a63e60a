import type { Permission, RoleKind, ScopeKind } from '../../../contracts/permissions.js';
import type { Deps, Scope, UserActor } from '../context.js';
import type { SessionRecord } from '../auth/session.js';

const emptyScope = (): Scope => ({ all: false, subtrees: [], orgs: [], self: false });

/**
 * Grants are cached per session: any change to a user's roles or a role's permissions revokes the
 * affected sessions, so a cached entry can only outlive its session by being unreachable.
 */
const grantCache = new Map<string, { roles: string[]; permissions: Map<Permission, Scope> }>();
const CACHE_MAX = 10_000;

export function addToScope(scope: Scope, kind: ScopeKind, orgId: string | null): void {
  if (kind === 'tenant') scope.all = true;
  else if (kind === 'self') scope.self = true;
  else if (orgId && kind === 'subtree' && !scope.subtrees.includes(orgId)) scope.subtrees.push(orgId);
  else if (orgId && kind === 'org' && !scope.orgs.includes(orgId)) scope.orgs.push(orgId);
}

async function loadGrants(deps: Deps, tenantId: string, userId: string) {
  const rows = await deps.db
    .selectFrom('role_assignment as ra')
    .innerJoin('role as r', (j) => j.onRef('r.tenant_id', '=', 'ra.tenant_id').onRef('r.id', '=', 'ra.role_id'))
    .leftJoin('role_permission as rp', (j) => j.onRef('rp.tenant_id', '=', 'ra.tenant_id').onRef('rp.role_id', '=', 'ra.role_id'))
    .select(['r.code', 'ra.scope_kind', 'ra.scope_org_id', 'rp.permission_code'])
    .where('ra.tenant_id', '=', tenantId)
    .where('ra.user_id', '=', userId)
    .execute();
  const roles = new Set<string>();
  const permissions = new Map<Permission, Scope>();
  for (const r of rows) {
    roles.add(r.code);
    if (!r.permission_code) continue;
    const p = r.permission_code as Permission;
    let scope = permissions.get(p);
    if (!scope) permissions.set(p, (scope = emptyScope()));
    addToScope(scope, r.scope_kind, r.scope_org_id);
  }
  return { roles: [...roles], permissions };
}

export function forgetGrants(sessionId?: string): void {
  if (sessionId) grantCache.delete(sessionId);
  else grantCache.clear();
}

/** What the account still owes before a full session: read with the actor to keep one query per request. */
export interface AccountState {
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  mfaEnrolled: boolean;
}

export async function loadUserActor(deps: Deps, session: SessionRecord): Promise<{ actor: UserActor; account: AccountState } | null> {
  const user = await deps.db
    .selectFrom('user_account')
    .select(['id', 'username', 'person_id', 'kind', 'status', 'must_change_password', 'password_changed_at', 'mfa_enrolled_at'])
    .where('tenant_id', '=', session.tenantId)
    .where('id', '=', session.userId)
    .executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  let grants = grantCache.get(session.id);
  if (!grants) {
    grants = await loadGrants(deps, session.tenantId, session.userId);
    if (grantCache.size >= CACHE_MAX) grantCache.clear();
    grantCache.set(session.id, grants);
  }
  return {
    actor: {
      kind: 'user',
      tenantId: session.tenantId,
      userId: user.id,
      username: user.username,
      personId: user.person_id,
      accountKind: user.kind as RoleKind,
      sessionId: session.id,
      roles: grants.roles,
      permissions: grants.permissions,
    },
    account: {
      mustChangePassword: user.must_change_password === 1,
      passwordChangedAt: user.password_changed_at,
      mfaEnrolled: !!user.mfa_enrolled_at,
    },
  };
}
