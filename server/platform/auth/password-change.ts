import type { ChangePassword } from '../../../contracts/auth.js';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { writeAudit } from '../audit/audit.js';
import { newId } from '../db/ids.js';
import { AppError } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { createSession, revokeUserSessions } from './session.js';

/**
 * Changes the caller's own password. Every session of the account ends (a stolen session dies with the
 * old password) and this client gets a fresh one that keeps its MFA state.
 */
export async function changeOwnPassword(ctx: Ctx, input: ChangePassword, mfaOk: boolean): Promise<{ token: string; sessionId: string }> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const { userId, username } = ctx.actor;
  const { deps, tenantId } = ctx;
  const settings = await loadSettings(deps.db, tenantId);
  const user = await deps.db.selectFrom('user_account').select(['password_hash']).where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('PASSWORD_WRONG');
  checkPasswordPolicy(input.newPassword, username, settings);
  const keep = settings['security.password.history'];
  if (keep > 0) {
    const recent = await deps.db.selectFrom('password_history').select('hash').where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at', 'desc').limit(keep).execute();
    for (const hash of [user.password_hash, ...recent.map((r) => r.hash)]) {
      if (await verifyPassword(hash, input.newPassword)) throw new AppError('PASSWORD_REUSED', { count: keep });
    }
  }
  const hash = await hashPassword(input.newPassword, deps.config.passwordHashing);
  const at = nowIso(deps.clock);
  return deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('user_account').set({ password_hash: hash, password_changed_at: at, must_change_password: 0, updated_at: at }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
    await tx.insertInto('password_history').values({ tenant_id: tenantId, id: newId(), user_id: userId, hash, created_at: at }).execute();
    await revokeUserSessions(tx, tenantId, userId);
    const session = await createSession(deps, tx, { tenantId, userId, mfaOk, sourceIp: ctx.sourceIp });
    await writeAudit(tx, ctx, { action: 'auth.password_change', objectType: 'user_account', objectId: userId });
    return { token: session.token, sessionId: session.id };
  });
}
