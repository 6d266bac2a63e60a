import type { Login } from '../../../contracts/auth.js';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { writeAudit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { accountCtx } from './account-ctx.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession } from './session.js';
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from './throttle.js';
import { normalizeUsername } from './username.js';

let dummyHash: Promise<string> | null = null;

/**
 * Password sign-in. Unknown usernames cost the same argon2 verification as real ones and answer the
 * same LOGIN_FAILED; the session starts without MFA and the guard then demands the missing steps.
 */
export async function login(ctx: Ctx, input: Login, ip: string): Promise<{ token: string; sessionId: string }> {
  const { deps, tenantId } = ctx;
  const settings = await loadSettings(deps.db, tenantId);
  const norm = normalizeUsername(input.username);
  const keys = throttleKeys(deps, tenantId, norm, ip);
  const staffCtx = { ...ctx, sourceIp: ip };
  if (await lockedUntil(deps, keys)) {
    await deps.db.transaction().execute((tx) =>
      writeAudit(tx, staffCtx, { action: 'auth.login', objectType: 'user_account', result: 'failure', details: { reason: 'locked' } }),
    );
    throw new AppError('ACCOUNT_LOCKED', { minutes: settings['security.lockout.minutes'] });
  }
  const user = await deps.db
    .selectFrom('user_account')
    .select(['id', 'username', 'person_id', 'kind', 'status', 'password_hash'])
    .where('tenant_id', '=', tenantId)
    .where('username_norm', '=', norm)
    .executeTakeFirst();
  dummyHash ??= hashPassword('qingfeng-timing-equaliser', deps.config.passwordHashing);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  if (!user || !ok || user.status !== 'active') {
    const locked = await deps.db.transaction().execute(async (tx) => {
      const l = await recordFailure(tx, deps, keys, settings);
      await writeAudit(tx, staffCtx, { action: 'auth.login', objectType: 'user_account', objectId: user?.id ?? null, result: 'failure', details: { reason: l ? 'locked-now' : 'credentials' } });
      return l;
    });
    throw locked ? new AppError('ACCOUNT_LOCKED', { minutes: settings['security.lockout.minutes'] }) : new AppError('LOGIN_FAILED');
  }
  return deps.db.transaction().execute(async (tx) => {
    await clearFailures(tx, keys);
    await tx.updateTable('user_account').set({ last_login_at: nowIso(deps.clock) }).where('tenant_id', '=', tenantId).where('id', '=', user.id).execute();
    const session = await createSession(deps, tx, { tenantId, userId: user.id, mfaOk: false, sourceIp: ip });
    await writeAudit(tx, accountCtx(deps, tenantId, user, ctx.requestId ?? '', ip, session.id), { action: 'auth.login', objectType: 'user_account', objectId: user.id });
    return { token: session.token, sessionId: session.id };
  });
}
