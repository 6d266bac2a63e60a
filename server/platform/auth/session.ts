import type { Deps, Db, Tx } from '../context.js';
import { addMs, nowIso } from '../clock/clock.js';
import { loadSettings } from '../settings/settings.js';

export const SESSION_COOKIE = 'qf_sid';
const TOUCH_EVERY_MS = 60_000;

export interface SessionRecord {
  id: string;
  tenantId: string;
  userId: string;
  mfaOk: boolean;
}

function tokenHash(deps: Deps, token: string): string {
  return deps.crypto.sm3(`session:${token}`);
}

/** A 256-bit random token goes to the client; only its hash is stored, so a database leak yields no sessions. */
export async function createSession(
  deps: Deps,
  db: Db | Tx,
  s: { tenantId: string; userId: string; mfaOk: boolean; sourceIp: string | null },
): Promise<{ token: string; id: string }> {
  const settings = await loadSettings(db, s.tenantId);
  const token = deps.crypto.randomBytes(32).toString('base64url');
  const id = tokenHash(deps, token);
  const now = nowIso(deps.clock);
  await db
    .insertInto('session')
    .values({
      id,
      tenant_id: s.tenantId,
      user_id: s.userId,
      created_at: now,
      last_seen_at: now,
      expires_at: addMs(now, settings['security.session.absoluteHours'] * 3600_000),
      mfa_ok: s.mfaOk ? 1 : 0,
      source_ip: s.sourceIp,
    })
    .execute();
  return { token, id };
}

/** The live session behind a token, or null when unknown, idle too long or past its absolute lifetime. */
export async function resolveSession(deps: Deps, token: string): Promise<SessionRecord | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = tokenHash(deps, token);
  const row = await deps.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = deps.clock.now();
  const settings = await loadSettings(deps.db, row.tenant_id);
  const idleMs = settings['security.session.idleMinutes'] * 60_000;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() - lastSeen >= idleMs) {
    await deps.db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await deps.db.updateTable('session').set({ last_seen_at: nowIso(deps.clock) }).where('id', '=', id).execute();
  }
  return { id, tenantId: row.tenant_id, userId: row.user_id, mfaOk: row.mfa_ok === 1 };
}

/** The session row behind an already-resolved request (no timeout bookkeeping: the guard did that). */
export async function resolveSessionById(deps: Deps, id: string): Promise<SessionRecord | null> {
  const row = await deps.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, tenantId: row.tenant_id, userId: row.user_id, mfaOk: row.mfa_ok === 1 } : null;
}

export async function markSessionMfa(db: Db | Tx, id: string): Promise<void> {
  await db.updateTable('session').set({ mfa_ok: 1 }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db | Tx, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Logout everywhere: password change, role change and disabling all end every session of the user. */
export async function revokeUserSessions(db: Db | Tx, tenantId: string, userId: string): Promise<number> {
  const r = await db.deleteFrom('session').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
