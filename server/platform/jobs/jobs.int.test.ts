import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabaseAgain } from '../../test/database.js';
import { createWorld, type World } from '../../test/world.js';
import type { Deps } from '../context.js';
import type { Database } from '../db/database.js';
import type { JobDef } from './job-def.js';
import { claimJob, enqueueJob, recordOnce } from './queue.js';
import { cronTick, runDueJobs } from './scheduler.js';

let w: World;
let second: Database;
beforeAll(async () => {
  w = await createWorld();
  second = await openTestDatabaseAgain(w.deps.config.dataDir);
});
afterAll(async () => {
  await second.close();
  await w.close();
});
afterEach(async () => {
  await w.deps.db.deleteFrom('job').execute();
});

/** Another process on the same database: its own connection pool and its own lease owner. */
const otherProcess = (): Deps => ({ ...w.deps, db: second.db, instanceId: 'other-process' });

const jobsOf = (kind: string) => w.deps.db.selectFrom('job').selectAll().where('kind', '=', kind).orderBy('run_at').execute();

function recorder(kind: string, opts: { cron?: string; perTenant?: boolean; fail?: boolean; delayMs?: number } = {}) {
  const runs: { id: string; by: string }[] = [];
  const def = (by: string): JobDef => ({
    kind,
    cron: opts.cron,
    perTenant: opts.perTenant,
    async run(_deps, job) {
      runs.push({ id: job.id, by });
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (opts.fail) throw new Error('boom');
    },
  });
  return { runs, def };
}

describe('cron ticks', () => {
  it('enqueues each slot once however often the tick runs', async () => {
    w.clock.set('2026-03-02T10:05:00+08:00');
    const { def } = recorder('test.quarterly', { cron: '*/15 * * * *' });
    expect(await cronTick(w.deps, [def('a')])).toBe(1);
    expect(await cronTick(w.deps, [def('a')])).toBe(0);
    w.clock.advanceMinutes(9);
    expect(await cronTick(w.deps, [def('a')])).toBe(0);
    w.clock.advanceMinutes(1);
    expect(await cronTick(w.deps, [def('a')])).toBe(1);
    const jobs = await jobsOf('test.quarterly');
    expect(jobs.map((j) => j.run_at)).toEqual(['2026-03-02T10:00:00.000+08:00', '2026-03-02T10:15:00.000+08:00']);
    expect(jobs.map((j) => j.dedupe_key)).toEqual(['test.quarterly@2026-03-02T10:00:00.000+08:00', 'test.quarterly@2026-03-02T10:15:00.000+08:00']);
  });

  it('keeps one job per slot when ticks from several processes race', async () => {
    w.clock.set('2026-03-02T11:00:30+08:00');
    const { def } = recorder('test.hourly', { cron: '0 * * * *' });
    const perTenant = recorder('test.tenant', { cron: '0 * * * *', perTenant: true }).def;
    const defs = [def('a'), perTenant('a')];
    const added = await Promise.all([
      ...Array.from({ length: 4 }, () => cronTick(w.deps, defs)),
      ...Array.from({ length: 4 }, () => cronTick(otherProcess(), defs)),
    ]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await jobsOf('test.hourly')).length).toBe(1);
    const tenantJobs = await jobsOf('test.tenant');
    expect(tenantJobs.map((j) => j.tenant_id)).toEqual([w.tenantId]);
  });
});

describe('running jobs', () => {
  it('runs a due job once and marks it done', async () => {
    const { runs, def } = recorder('test.once');
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.once', tenantId: w.tenantId, payload: { n: 1 } });
    expect(await runDueJobs(w.deps, [def('a')])).toBe(1);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    expect(runs.length).toBe(1);
    const [job] = await jobsOf('test.once');
    expect(job).toMatchObject({ status: 'done', attempts: 1, locked_until: null });
    expect(job!.finished_at).not.toBeNull();
  });

  it('leaves a job for later until its run time', async () => {
    const { runs, def } = recorder('test.later');
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.later', tenantId: null, runAt: '2099-01-01T00:00:00.000+08:00' });
    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    expect(runs.length).toBe(0);
  });

  it('retries a failing job with growing back-off, then gives up as failed', async () => {
    const { runs, def } = recorder('test.flaky', { fail: true });
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.flaky', tenantId: null, maxAttempts: 3 });
    expect(await runDueJobs(w.deps, [def('a')])).toBe(1);
    let [job] = await jobsOf('test.flaky');
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom' });
    const firstDelay = new Date(job!.run_at).getTime() - w.clock.now().getTime();
    expect(firstDelay).toBe(60_000);

    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    w.clock.advance(firstDelay);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(1);
    [job] = await jobsOf('test.flaky');
    expect(job).toMatchObject({ status: 'queued', attempts: 2 });
    const secondDelay = new Date(job!.run_at).getTime() - w.clock.now().getTime();
    expect(secondDelay).toBe(120_000);

    w.clock.advance(secondDelay);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(1);
    [job] = await jobsOf('test.flaky');
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'boom' });
    expect(job!.finished_at).not.toBeNull();
    w.clock.advanceDays(1);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    expect(runs.length).toBe(3);
  });

  it('fails a job whose kind no process knows instead of looping on it', async () => {
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.unknown', tenantId: null, maxAttempts: 1 });
    expect(await runDueJobs(w.deps, [])).toBe(1);
    const [job] = await jobsOf('test.unknown');
    expect(job).toMatchObject({ status: 'failed', last_error: 'no handler for job kind test.unknown' });
  });
});

describe('leases', () => {
  it('reclaims the job of a crashed worker once its lease expires, and ignores the late finisher', async () => {
    const { runs, def } = recorder('test.lease');
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.lease', tenantId: null });
    const crashed = await claimJob(second.db, w.clock, 'crashed-worker', 5 * 60_000);
    expect(crashed?.kind).toBe('test.lease');

    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    w.clock.advanceMinutes(4);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    w.clock.advanceMinutes(2);
    expect(await runDueJobs(w.deps, [def('a')])).toBe(1);
    expect(runs.length).toBe(1);
    const [job] = await jobsOf('test.lease');
    expect(job).toMatchObject({ status: 'done', attempts: 2, locked_by: w.deps.instanceId });
  });

  it('gives up on a job that keeps killing its worker once its attempts are spent', async () => {
    const { runs, def } = recorder('test.killer');
    await enqueueJob(w.deps.db, w.clock, { kind: 'test.killer', tenantId: null, maxAttempts: 2 });
    for (let i = 0; i < 2; i += 1) {
      expect(await claimJob(second.db, w.clock, `crashed-${i}`, 60_000)).toBeDefined();
      w.clock.advanceMinutes(2);
    }
    expect(await runDueJobs(w.deps, [def('a')])).toBe(0);
    expect(runs.length).toBe(0);
    const [job] = await jobsOf('test.killer');
    expect(job).toMatchObject({ status: 'failed', attempts: 2, last_error: 'lease expired' });
  });

  it('never runs a job twice when two processes work the queue at once', async () => {
    const { runs, def } = recorder('test.race', { delayMs: 2 });
    for (let i = 0; i < 60; i += 1) await enqueueJob(w.deps.db, w.clock, { kind: 'test.race', tenantId: null, payload: { i } });
    const [a, b] = await Promise.all([runDueJobs(w.deps, [def('a')], 1000), runDueJobs(otherProcess(), [def('b')], 1000)]);
    expect(a + b).toBe(60);
    expect(new Set(runs.map((r) => r.id)).size).toBe(60);
    expect(runs.length).toBe(60);
    expect(runs.filter((r) => r.by === 'a').length).toBe(a);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const jobs = await jobsOf('test.race');
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
  });
});

describe('one-off records', () => {
  it('records work once, only when its transaction commits, and never hands the record to a worker', async () => {
    const mark = () => w.deps.db.transaction().execute((tx) => recordOnce(tx, w.clock, { kind: 'test.marker', tenantId: w.tenantId, dedupeKey: 'test.marker@1' }));
    await expect(
      w.deps.db.transaction().execute(async (tx) => {
        expect(await recordOnce(tx, w.clock, { kind: 'test.marker', tenantId: w.tenantId, dedupeKey: 'test.marker@1' })).toBe(true);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await mark()).toBe(true);
    expect(await mark()).toBe(false);
    expect(await runDueJobs(w.deps, [])).toBe(0);
    expect(await jobsOf('test.marker')).toMatchObject([{ status: 'done', attempts: 0, dedupe_key: 'test.marker@1' }]);
  });
});
