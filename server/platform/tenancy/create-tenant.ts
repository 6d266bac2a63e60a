import { sql } from 'kysely';
import { allPermissions, builtinRoles, Permissions } from '../../../contracts/permissions.js';
import { dictionaryDefaults } from '../../../contracts/dictionaries.js';
import type { Db, Deps, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';
import { GENESIS } from '../audit/chain.js';
import { forgetTenants } from './tenancy.js';
import { t } from '../i18n/i18n.js';
import { runTenantSeeds } from './tenant-seeds.js';

/** The permission table mirrors the catalogue in contracts/ so that foreign keys can pin kinds. */
export async function syncPermissions(db: Db): Promise<void> {
  for (const code of allPermissions) {
    await db
      .insertInto('permission')
      .values({ code, kind: Permissions[code] })
      .onConflict((oc) => oc.column('code').doUpdateSet({ kind: Permissions[code] }))
      .execute();
  }
}

/** Built-in roles gain new catalogue permissions on every start (a later module adding codes). */
export async function syncBuiltinRoles(db: Db | Tx, tenantId: string, at: string): Promise<void> {
  for (const [code, def] of Object.entries(builtinRoles)) {
    let role = await db.selectFrom('role').select(['id']).where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
    if (!role) {
      role = { id: newId() };
      await db
        .insertInto('role')
        .values({ tenant_id: tenantId, id: role.id, code, name_zh: t('zh-CN', `roles.${code}`), name_en: t('en-US', `roles.${code}`), kind: def.kind, builtin: 1, description: '', created_at: at, updated_at: at })
        .execute();
    }
    for (const p of def.permissions) {
      await db
        .insertInto('role_permission')
        .values({ tenant_id: tenantId, role_id: role.id, role_kind: def.kind, permission_code: p, permission_kind: Permissions[p] })
        .onConflict((oc) => oc.columns(['tenant_id', 'role_id', 'permission_code']).doNothing())
        .execute();
    }
  }
}

export async function seedDictionaries(db: Db | Tx, tenantId: string): Promise<void> {
  for (const [dict, items] of Object.entries(dictionaryDefaults)) {
    let sort = 0;
    for (const it of items) {
      sort += 10;
      await db
        .insertInto('dict_item')
        .values({ tenant_id: tenantId, id: newId(), dict_code: dict, code: it.code, label_zh: it.zh, label_en: it.en, sort, enabled: 1, builtin: 1 })
        .onConflict((oc) => oc.columns(['tenant_id', 'dict_code', 'code']).doNothing())
        .execute();
    }
  }
}

export interface NewTenant {
  code: string;
  name: string;
  isDefault: boolean;
  isDemo: boolean;
}

export async function createTenant(deps: Deps, t: NewTenant): Promise<string> {
  const id = newId();
  const at = nowIso(deps.clock);
  const wrapped = deps.keys.newWrappedTenantKey(id);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('tenant')
      .values({ id, code: t.code, name: t.name, host: null, is_default: t.isDefault ? 1 : 0, is_demo: t.isDemo ? 1 : 0, wrapped_key: wrapped, created_at: at })
      .execute();
    await tx.insertInto('audit_head').values({ tenant_id: id, seq: 0, hash: GENESIS }).execute();
    await syncBuiltinRoles(tx, id, at);
    await seedDictionaries(tx, id);
    await runTenantSeeds(tx, id, at);
  });
  deps.keys.addTenant(id, wrapped);
  forgetTenants();
  return id;
}

export async function loadTenantKeys(deps: Deps): Promise<void> {
  const rows = await deps.db.selectFrom('tenant').select(['id', 'wrapped_key']).execute();
  for (const r of rows) deps.keys.addTenant(r.id, r.wrapped_key);
}

export async function hasAnyTenant(db: Db): Promise<boolean> {
  const r = await db.selectFrom('tenant').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n) > 0;
}
