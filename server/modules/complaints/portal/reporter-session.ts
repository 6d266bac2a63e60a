import type { Ctx, Deps, Tx } from '../../../platform/context.js';
import { addMs, nowIso } from '../../../platform/clock/clock.js';
import { AppError } from '../../../platform/http/errors.js';
import * as repo from './portal.repo.js';

/** The portal keeps the token in memory and sends it in this header: no cookie exists on the reporter's path. */
export const REPORTER_SESSION_HEADER = 'x-reporter-session';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions are read on every status view, so each process remembers the ones it has seen. A session ends
 * early only by logout: the process that serves the logout forgets it at once, every other process
 * re-reads the row once its entry is older than this, so a logged-out token lives on elsewhere for at
 * most this long (and never past its own expiry).
 */
export const RECHECK_MS = 5_000;
const MAX_CACHED = 50_000;

/** What a reporter session grants: one complaint, nothing else. */
export interface ReporterGrant {
  sessionId: string;
  complaintId: string;
}

const known = new Map<string, { tenantId: string; complaintId: string; expiresAt: number; checkedAt: number }>();

const hashToken = (deps: Deps, token: string) => deps.crypto.sm3(`reporter-session:${token}`);

/** A 256-bit random token for the reporter; only its SM3 hash is stored, so the table yields no sessions. */
export async function createReporterSession(tx: Tx, ctx: Ctx, complaintId: string, minutes: number): Promise<{ token: string; expiresAt: string }> {
  const token = ctx.deps.crypto.randomBytes(32).toString('base64url');
  const createdAt = nowIso(ctx.deps.clock);
  const expiresAt = addMs(createdAt, minutes * 60_000);
  await repo.insertReporterSession(tx, { id: hashToken(ctx.deps, token), tenant_id: ctx.tenantId, complaint_id: complaintId, created_at: createdAt, expires_at: expiresAt });
  return { token, expiresAt };
}

/** The complaint a request's reporter session opens; a missing header is UNAUTHENTICATED, a dead token SESSION_EXPIRED. */
export async function resolveReporterSession(ctx: Ctx, header: string | string[] | undefined): Promise<ReporterGrant> {
  if (header === undefined) throw new AppError('UNAUTHENTICATED');
  if (typeof header !== 'string' || !TOKEN.test(header)) throw new AppError('SESSION_EXPIRED');
  const id = hashToken(ctx.deps, header);
  const now = ctx.deps.clock.now().getTime();
  const hit = known.get(id);
  if (hit && hit.tenantId === ctx.tenantId && now < hit.expiresAt && now >= hit.checkedAt && now - hit.checkedAt < RECHECK_MS) return { sessionId: id, complaintId: hit.complaintId };
  known.delete(id);
  const row = await repo.findReporterSession(ctx.deps.db, id);
  const expiresAt = row ? new Date(row.expires_at).getTime() : 0;
  if (!row || row.tenant_id !== ctx.tenantId || now >= expiresAt) throw new AppError('SESSION_EXPIRED');
  if (known.size >= MAX_CACHED) known.clear();
  known.set(id, { tenantId: row.tenant_id, complaintId: row.complaint_id, expiresAt, checkedAt: now });
  return { sessionId: id, complaintId: row.complaint_id };
}

/** Logout: the row goes in the caller's transaction, this process forgets the token immediately. */
export async function endReporterSession(tx: Tx, ctx: Ctx, grant: ReporterGrant): Promise<void> {
  known.delete(grant.sessionId);
  await repo.deleteReporterSession(tx, ctx.tenantId, grant.sessionId);
}
