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

async function insertOnce(db: Db | Tx, clock: Clock, j: Enqueue, status: 'queued' | 'done'): Promise<boolean> {
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
      status,
      attempts: 0,
      max_attempts: j.maxAttempts ?? 3,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      finished_at: status === 'done' ? now : null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Adds a job; with a dedupe key an existing job of that key wins and nothing is added. */
export async function enqueueJob(db: Db | Tx, clock: Clock, j: Enqueue): Promise<boolean> {
  return insertOnce(db, clock, j, 'queued');
}

/**
 * Records, inside the caller's transaction, that one-off work under `dedupeKey` is done (a user's digest
 * of the day). True for the first caller only: the work committed beside it happens once, whichever
 * process or retry gets there first; a concurrent caller waits for the first to commit and gets false.
 */
export async function recordOnce(tx: Tx, clock: Clock, j: Enqueue & { dedupeKey: string }): Promise<boolean> {
  return insertOnce(tx, clock, j, 'done');
}

const due = (now: string) =>
  sql<boolean>`((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now} and attempts < max_attempts))`;

/** A lost race ends in an empty claim although work is left; trying again a few times keeps both workers busy. */
const CLAIM_TRIES = 5;

/**
 * Claims one due job with a lease in a single statement. The outer WHERE re-checks the state, so under
 * PostgreSQL READ COMMITTED two processes racing for the same row cannot both win; the loser claims the
 * next row instead of stopping. An expired lease (a crashed process) makes the job claimable again.
 */
export async function claimJob(db: Db, clock: Clock, owner: string, leaseMs: number) {
  const now = nowIso(clock);
  const until = addMs(now, leaseMs);
  for (let i = 0; i < CLAIM_TRIES; i += 1) {
    const job = await db
      .updateTable('job')
      .set((eb) => ({ status: 'running', locked_by: owner, locked_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) => eb.selectFrom('job').select('id').where(due(now)).orderBy('run_at').limit(1))
      .where(due(now))
      .returningAll()
      .executeTakeFirst();
    if (job) return job;
    if (!(await db.selectFrom('job').select('id').where(due(now)).limit(1).executeTakeFirst())) return undefined;
  }
  return undefined;
}

/**
 * A job whose lease ran out with no attempt left most likely kills its worker (memory, a native crash):
 * it ends as failed instead of being handed to the next process for ever.
 */
export async function failExhaustedLeases(db: Db, clock: Clock): Promise<number> {
  const now = nowIso(clock);
  const r = await db
    .updateTable('job')
    .set({ status: 'failed', last_error: 'lease expired', locked_until: null, finished_at: now })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .where(sql<boolean>`attempts >= max_attempts`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
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
