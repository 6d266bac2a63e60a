import { forgetGrants, loadUserActor } from '../platform/access/actor.js';
import type { Ctx, Db, Deps } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { normalizeUsername } from '../platform/auth/username.js';

/**
 * What an earlier (possibly interrupted) seed run already made, found by natural keys: the seed only
 * reads these tables; every write goes through the owning module's service.
 */
export function findOrgId(db: Db, tenantId: string, parentId: string | null, name: string) {
  let q = db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.executeTakeFirst().then((r) => r?.id ?? null);
}

export function findPersonIdByBlindIndex(db: Db, tenantId: string, idNumberBidx: string) {
  return db.selectFrom('person').select('id').where('tenant_id', '=', tenantId).where('id_number_bidx', '=', idNumberBidx).executeTakeFirst().then((r) => r?.id ?? null);
}

export function findPostId(db: Db, tenantId: string, orgId: string, name: string) {
  return db.selectFrom('post').select('id').where('tenant_id', '=', tenantId).where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst().then((r) => r?.id ?? null);
}

export function isLeader(db: Db, tenantId: string, personId: string) {
  return db.selectFrom('leader').select('id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).executeTakeFirst().then((r) => !!r);
}

export function findUserId(db: Db, tenantId: string, username: string) {
  return db
    .selectFrom('user_account')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username_norm', '=', normalizeUsername(username))
    .executeTakeFirst()
    .then((r) => r?.id ?? null);
}

export function findRoleId(db: Db, tenantId: string, code: string) {
  return db.selectFrom('role').select('id').where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirstOrThrow().then((r) => r.id);
}

export function hasAssignment(db: Db, tenantId: string, userId: string, roleId: string, scopeOrgId: string | null) {
  let q = db.selectFrom('role_assignment').select('id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('role_id', '=', roleId);
  q = scopeOrgId === null ? q.where('scope_org_id', 'is', null) : q.where('scope_org_id', '=', scopeOrgId);
  return q.executeTakeFirst().then((r) => !!r);
}

export function storedSetting(db: Db, tenantId: string, key: string) {
  return db.selectFrom('setting').select('value').where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst().then((r) => r?.value ?? null);
}

/** A context acting as a demo account, so each seeded step is checked, signed and audited as theirs. */
export async function actAs(deps: Deps, tenantId: string, username: string): Promise<Ctx> {
  const userId = (await findUserId(deps.db, tenantId, username))!;
  const sessionId = `seed-${newId()}`;
  const loaded = (await loadUserActor(deps, { id: sessionId, tenantId, userId, mfaOk: true }))!;
  forgetGrants(sessionId);
  return { deps, actor: loaded.actor, tenantId, requestId: null, sourceIp: null, idempotency: null };
}
