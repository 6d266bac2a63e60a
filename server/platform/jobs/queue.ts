import { sql } from 'kysely';
import type { Db, Tx } from '../context.js';
import type { Clock } from '../clock/clock.js';
import { addMs, nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';

export interface Enqueue {
  kind: string;
  tenantId: string | null;
  payload?: unknown;
  runAt?: string;
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job; with a dedupe key an existing job of that key wins and nothing is added. */
export async function enqueueJob(db: Db | Tx, clock: Clock, j: Enqueue): Promise<boolean> {
  const now = nowIso(clock);
  const r = await db
    .insertInto('job')
    .values({
      id: newId(),
      tenant_id: j.tenantId,
      kind: j.kind,
      dedupe_key: j.dedupeKey ?? null,
      payload: JSON.stringify(j.payload ?? {}),
      run_at: j.runAt ?? now,
      status: 'queued',
      attempts: 0,
      max_attempts: j.maxAttempts ?? 3,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims one due job with a lease in a single statement. The outer WHERE re-checks the state, so under
 * PostgreSQL READ COMMITTED two processes racing for the same row cannot both win; an expired lease
 * (a crashed process) makes the job claimable again.
 */
export async function claimJob(db: Db, clock: Clock, owner: string, leaseMs: number) {
  const now = nowIso(clock);
  const until = addMs(now, leaseMs);
  const due = sql<boolean>`((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))`;
  return db
    .updateTable('job')
    .set((eb) => ({ status: 'running', locked_by: owner, locked_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('job').select('id').where(due).orderBy('run_at').limit(1))
    .where(due)
    .returningAll()
    .executeTakeFirst();
}

export async function finishJob(db: Db, clock: Clock, id: string, owner: string): Promise<void> {
  await db.updateTable('job').set({ status: 'done', finished_at: nowIso(clock), locked_until: null }).where('id', '=', id).where('locked_by', '=', owner).execute();
}

export async function failJob(db: Db, clock: Clock, job: { id: string; attempts: number; max_attempts: number }, owner: string, error: string): Promise<void> {
  const now = nowIso(clock);
  const final = job.attempts >= job.max_attempts;
  await db
    .updateTable('job')
    .set({
      status: final ? 'failed' : 'queued',
      last_error: error.slice(0, 2000),
      run_at: final ? now : addMs(now, 2 ** job.attempts * 30_000),
      locked_until: null,
      finished_at: final ? now : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', owner)
    .execute();
}
