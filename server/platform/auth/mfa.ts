import QRCode from 'qrcode';
import type { MfaCode } from '../../../contracts/auth.js';
import type { Ctx, Tx, UserActor } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { writeAudit } from '../audit/audit.js';
import { newId } from '../db/ids.js';
import { AppError } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';
import { markSessionMfa, revokeUserSessions } from './session.js';
import { recordFailure, userThrottleKey } from './throttle.js';
import { normalizeUsername } from './username.js';

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const RECOVERY_COUNT = 10;

function actorOf(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

const secretAad = (userId: string) => `user_account:mfa_secret:${userId}`;
const recoveryHash = (ctx: Ctx, code: string) => ctx.deps.crypto.blindIndex(ctx.tenantId, 'mfa-recovery', code);

function newRecoveryCode(ctx: Ctx): string {
  const bytes = ctx.deps.crypto.randomBytes(12);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

async function account(ctx: Ctx, tx?: Tx) {
  const a = actorOf(ctx);
  return (tx ?? ctx.deps.db)
    .selectFrom('user_account')
    .select(['id', 'username', 'mfa_secret', 'mfa_enrolled_at', 'mfa_last_step'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', a.userId)
    .executeTakeFirstOrThrow();
}

/** Starts (or restarts) enrolment: a fresh secret is kept encrypted until a first code confirms it. */
export async function startMfaEnrolment(ctx: Ctx, issuer: string) {
  const user = await account(ctx);
  if (user.mfa_enrolled_at) throw new AppError('MFA_ALREADY_ENROLLED');
  const secret = newTotpSecret();
  await ctx.deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('user_account')
      .set({ mfa_secret: ctx.deps.crypto.encrypt(ctx.tenantId, secret, secretAad(user.id)), updated_at: nowIso(ctx.deps.clock) })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', user.id)
      .execute();
    await writeAudit(tx, ctx, { action: 'auth.mfa_enrol_start', objectType: 'user_account', objectId: user.id });
  });
  const otpauthUri = totpUri(secret, issuer, user.username);
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** A wrong code counts toward the account's lockout, committed on its own before the refusal goes out. */
async function refuseMfa(ctx: Ctx): Promise<never> {
  const a = actorOf(ctx);
  const settings = await loadSettings(ctx.deps.db, ctx.tenantId);
  const locked = await ctx.deps.db.transaction().execute(async (tx) => {
    const l = await recordFailure(tx, ctx.deps, [userThrottleKey(ctx.deps, ctx.tenantId, normalizeUsername(a.username))], settings);
    if (l) await revokeUserSessions(tx, ctx.tenantId, a.userId);
    await writeAudit(tx, ctx, { action: 'auth.mfa_verify', objectType: 'user_account', objectId: a.userId, result: 'failure', details: { locked: l } });
    return l;
  });
  throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'MFA_INVALID');
}

/** A code counts once: its time step must be later than the last accepted one. */
async function acceptTotp(ctx: Ctx, tx: Tx, user: { id: string; mfa_secret: string | null; mfa_last_step: number | null }, code: string): Promise<boolean> {
  if (!user.mfa_secret) return false;
  const secret = ctx.deps.crypto.decrypt(ctx.tenantId, user.mfa_secret, secretAad(user.id));
  const step = matchTotp(secret, code, ctx.deps.clock.now().getTime());
  if (step === null || (user.mfa_last_step !== null && step <= Number(user.mfa_last_step))) return false;
  await tx.updateTable('user_account').set({ mfa_last_step: step }).where('tenant_id', '=', ctx.tenantId).where('id', '=', user.id).execute();
  return true;
}

export async function confirmMfaEnrolment(ctx: Ctx, code: string): Promise<string[]> {
  const a = actorOf(ctx);
  const codes = await ctx.deps.db.transaction().execute(async (tx) => {
    const user = await account(ctx, tx);
    if (user.mfa_enrolled_at) throw new AppError('MFA_ALREADY_ENROLLED');
    if (!user.mfa_secret) throw new AppError('MFA_NOT_ENROLLED');
    if (!(await acceptTotp(ctx, tx, user, code))) return null;
    await tx.updateTable('user_account').set({ mfa_enrolled_at: nowIso(ctx.deps.clock) }).where('tenant_id', '=', ctx.tenantId).where('id', '=', user.id).execute();
    await tx.deleteFrom('mfa_recovery_code').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', user.id).execute();
    const fresh = Array.from({ length: RECOVERY_COUNT }, () => newRecoveryCode(ctx));
    await tx
      .insertInto('mfa_recovery_code')
      .values(fresh.map((c) => ({ tenant_id: ctx.tenantId, id: newId(), user_id: user.id, code_hash: recoveryHash(ctx, c), used_at: null })))
      .execute();
    await markSessionMfa(tx, a.sessionId);
    await writeAudit(tx, ctx, { action: 'auth.mfa_enrol', objectType: 'user_account', objectId: user.id });
    return fresh;
  });
  return codes ?? refuseMfa(ctx);
}

export async function verifyMfa(ctx: Ctx, input: MfaCode): Promise<void> {
  const a = actorOf(ctx);
  if (!input.code === !input.recoveryCode) throw new AppError('VALIDATION_FAILED', { field: 'code' });
  const ok = await ctx.deps.db.transaction().execute(async (tx) => {
    const user = await account(ctx, tx);
    if (!user.mfa_enrolled_at) throw new AppError('MFA_NOT_ENROLLED');
    let accepted: boolean;
    if (input.code) accepted = await acceptTotp(ctx, tx, user, input.code);
    else {
      const r = await tx
        .updateTable('mfa_recovery_code')
        .set({ used_at: nowIso(ctx.deps.clock) })
        .where('tenant_id', '=', ctx.tenantId)
        .where('user_id', '=', user.id)
        .where('code_hash', '=', recoveryHash(ctx, input.recoveryCode!))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      accepted = Number(r.numUpdatedRows) === 1;
    }
    if (!accepted) return false;
    await markSessionMfa(tx, a.sessionId);
    await writeAudit(tx, ctx, { action: 'auth.mfa_verify', objectType: 'user_account', objectId: user.id, details: { via: input.code ? 'totp' : 'recovery' } });
    return true;
  });
  if (!ok) await refuseMfa(ctx);
}
