import type { Settings } from '../../../contracts/settings.js';
import type { Deps, Tx } from '../context.js';
import { addMs, nowIso } from '../clock/clock.js';

/**
 * Failed-login bookkeeping keyed by the username as typed (hashed) and by the source address (keyed hash):
 * an unknown username locks exactly like a real one, so the answer never tells which accounts exist.
 */
export function throttleKeys(deps: Deps, tenantId: string, usernameNorm: string, ip: string): string[] {
  const ipKey = deps.crypto.hmacSm3(deps.keys.derive('login-throttle'), ip).toString('base64url').slice(0, 32);
  return [`user:${tenantId}:${deps.crypto.sm3(usernameNorm).slice(0, 40)}`, `ip:${tenantId}:${ipKey}`];
}

export function userThrottleKey(deps: Deps, tenantId: string, usernameNorm: string): string {
  return `user:${tenantId}:${deps.crypto.sm3(usernameNorm).slice(0, 40)}`;
}

export async function lockedUntil(deps: Deps, keys: string[]): Promise<string | null> {
  const now = nowIso(deps.clock);
  const rows = await deps.db.selectFrom('login_throttle').select('locked_until').where('key', 'in', keys).execute();
  const live = rows.map((r) => r.locked_until).filter((u): u is string => !!u && u > now).sort();
  return live.at(-1) ?? null;
}

export async function recordFailure(tx: Tx, deps: Deps, keys: string[], s: Settings): Promise<boolean> {
  const now = nowIso(deps.clock);
  let locked = false;
  for (const key of keys) {
    const row = await tx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const failures = (row && (!row.locked_until || row.locked_until <= now) ? row.failures : 0) + 1;
    const lock = failures >= s['security.lockout.maxFailures'];
    locked ||= lock;
    const values = { failures: lock ? 0 : failures, locked_until: lock ? addMs(now, s['security.lockout.minutes'] * 60_000) : null, updated_at: now };
    await tx.insertInto('login_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
  }
  return locked;
}

export async function clearFailures(tx: Tx, keys: string[]): Promise<void> {
  await tx.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}
