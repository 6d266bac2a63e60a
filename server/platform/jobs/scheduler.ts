import { Cron } from 'croner';
import type { Deps } from '../context.js';
import { toIso } from '../clock/clock.js';
import type { JobDef } from './job-def.js';
import { claimJob, enqueueJob, failExhaustedLeases, failJob, finishJob } from './queue.js';

const LEASE_MS = 5 * 60_000;
const TICK_MS = 1000;

/** Enqueues the latest due slot of every cron job; safe to call from any number of processes at once. */
export async function cronTick(deps: Deps, defs: JobDef[]): Promise<number> {
  const now = deps.clock.now();
  let added = 0;
  const tenants = defs.some((d) => d.cron && d.perTenant) ? await deps.db.selectFrom('tenant').select('id').execute() : [];
  for (const def of defs) {
    if (!def.cron) continue;
    // previousRuns excludes its reference instant: a tick exactly on the slot must still see that slot.
    const [slotDate] = new Cron(def.cron, { timezone: 'Asia/Shanghai', paused: true }).previousRuns(1, new Date(now.getTime() + 1));
    if (!slotDate) continue;
    const slot = toIso(slotDate);
    for (const tenantId of def.perTenant ? tenants.map((t) => t.id) : [null]) {
      const dedupeKey = tenantId ? `${def.kind}@${tenantId}@${slot}` : `${def.kind}@${slot}`;
      if (await enqueueJob(deps.db, deps.clock, { kind: def.kind, tenantId, dedupeKey, runAt: slot })) added += 1;
    }
  }
  return added;
}

/** Runs due jobs until none is left (or `max` ran); returns how many ran. */
export async function runDueJobs(deps: Deps, defs: JobDef[], max = 50): Promise<number> {
  const byKind = new Map(defs.map((d) => [d.kind, d]));
  let ran = 0;
  await failExhaustedLeases(deps.db, deps.clock);
  while (ran < max) {
    const job = await claimJob(deps.db, deps.clock, deps.instanceId, LEASE_MS);
    if (!job) break;
    ran += 1;
    const def = byKind.get(job.kind);
    try {
      if (!def) throw new Error(`no handler for job kind ${job.kind}`);
      await def.run(deps, { id: job.id, tenantId: job.tenant_id, payload: JSON.parse(job.payload) });
      await finishJob(deps.db, deps.clock, job.id, deps.instanceId);
    } catch (e) {
      deps.log.error({ err: e, job: job.kind }, 'job failed');
      await failJob(deps.db, deps.clock, job, deps.instanceId, (e as Error).message);
    }
  }
  return ran;
}

export function startJobs(deps: Deps, defs: JobDef[]): () => Promise<void> {
  let busy: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (busy) return;
    busy = cronTick(deps, defs)
      .then(() => runDueJobs(deps, defs))
      .catch((e: unknown) => deps.log.error({ err: e }, 'job tick failed'))
      .finally(() => {
        busy = null;
      });
  }, TICK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await busy;
  };
}
