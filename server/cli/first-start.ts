import type { Deps } from '../platform/context.js';
import { issueSetupToken } from '../platform/auth/setup.js';
import { isUniqueViolation } from '../platform/db/dialect.js';
import { createTenant, hasAnyTenant } from '../platform/tenancy/create-tenant.js';
import { seedDemo } from '../seed/demo-seed.js';
import { msg } from './say.js';

export interface FirstStart {
  seededDemo: boolean;
  /** Printed once to the operator's terminal; only its SM3 hash is stored. */
  setupToken: string | null;
}

async function createDefaultTenant(deps: Deps, name: string): Promise<void> {
  try {
    await createTenant(deps, { code: 'default', name, isDefault: true, isDemo: false });
  } catch (e) {
    // Several processes started at once on one empty PostgreSQL: one of them creates it.
    if (!isUniqueViolation(e)) throw e;
  }
}

/**
 * On an empty database: the demo tenant (when asked) or the real default tenant. A real tenant without
 * a system administrator gets a fresh one-time set-up token on every start until someone uses one.
 */
export async function prepareFirstStart(deps: Deps, opts: { demoIfEmpty: boolean; tenantName: string | undefined }): Promise<FirstStart> {
  let seededDemo = false;
  if (!(await hasAnyTenant(deps.db))) {
    if (opts.demoIfEmpty) {
      await seedDemo(deps, { makeDefault: true });
      seededDemo = true;
    } else {
      await createDefaultTenant(deps, opts.tenantName?.trim() || msg('defaultTenantName'));
    }
  }
  const tenant = await deps.db.selectFrom('tenant').select(['id', 'is_demo']).where('is_default', '=', 1).executeTakeFirst();
  if (!tenant || tenant.is_demo) return { seededDemo, setupToken: null };
  const admin = await deps.db.selectFrom('user_account').select('id').where('tenant_id', '=', tenant.id).where('kind', '=', 'system').limit(1).executeTakeFirst();
  return { seededDemo, setupToken: admin ? null : await issueSetupToken(deps, tenant.id) };
}
