import type { SetupAdmin } from '../../../contracts/auth.js';
import type { Ctx, Db } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { writeAudit } from '../audit/audit.js';
import { newId } from '../db/ids.js';
import { AppError } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { insertAccount } from './account-store.js';
import { checkPasswordPolicy } from './password.js';

/** Set-up is open while a one-time token waits unused and no system administrator exists yet. */
export async function needsSetup(db: Db, tenantId: string): Promise<boolean> {
  const token = await db.selectFrom('setup_token').select('used_at').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!token || token.used_at) return false;
  const admin = await db.selectFrom('user_account').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'system').limit(1).executeTakeFirst();
  return !admin;
}

/** Creates the first system administrator from the token printed at first start; the token dies with it. */
export async function setupFirstAdmin(ctx: Ctx, input: SetupAdmin): Promise<void> {
  const { deps, tenantId } = ctx;
  if (!(await needsSetup(deps.db, tenantId))) throw new AppError('SETUP_ALREADY_DONE');
  const row = await deps.db.selectFrom('setup_token').select('token_hash').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  const given = deps.crypto.sm3(`setup:${input.token}`);
  if (given !== row.token_hash) throw new AppError('SETUP_TOKEN_INVALID');
  checkPasswordPolicy(input.password, input.username, await loadSettings(deps.db, tenantId));
  const role = await deps.db.selectFrom('role').select('id').where('tenant_id', '=', tenantId).where('code', '=', 'sys_admin').executeTakeFirstOrThrow();
  await deps.db.transaction().execute(async (tx) => {
    const used = await tx.updateTable('setup_token').set({ used_at: nowIso(deps.clock) }).where('tenant_id', '=', tenantId).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('SETUP_ALREADY_DONE');
    const userId = await insertAccount(tx, deps, tenantId, { username: input.username, displayName: input.displayName, personId: null, kind: 'system', password: input.password, mustChangePassword: false });
    await tx.insertInto('role_assignment').values({ tenant_id: tenantId, id: newId(), user_id: userId, role_id: role.id, kind: 'system', scope_kind: 'tenant', scope_org_id: null, created_at: nowIso(deps.clock), created_by: null }).execute();
    await writeAudit(tx, ctx, { action: 'auth.setup', objectType: 'user_account', objectId: userId });
  });
}

/** Stores a new set-up token's hash (replacing an unused one) and returns the token to print once. */
export async function issueSetupToken(deps: Ctx['deps'], tenantId: string): Promise<string> {
  const token = deps.crypto.randomBytes(32).toString('base64url');
  const values = { token_hash: deps.crypto.sm3(`setup:${token}`), created_at: nowIso(deps.clock), used_at: null };
  await deps.db.insertInto('setup_token').values({ tenant_id: tenantId, ...values }).onConflict((oc) => oc.column('tenant_id').doUpdateSet(values)).execute();
  return token;
}
