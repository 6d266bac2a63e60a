import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../platform/clock/clock.js';
import { cronTick, runDueJobs } from '../../platform/jobs/scheduler.js';
import { createWorld, type World } from '../../test/world.js';
import { autoCloseUnrated } from './complaints.autoclose.js';
import { answered, rate, rated } from './complaints.fixtures.js';
import { complaintJobs } from './complaints.jobs.js';
import { PORTAL, reporterHeader } from './portal/portal.fixtures.js';

/**
 * system.complaint.autoCloseDays (15) counts calendar days from the answer: answered Monday 03-02 09:00, the
 * period is over on Tuesday 03-17 09:00 (fifteen working days would run to 03-23). The job runs hourly at :41.
 */
let w: World;
const clock = new FakeClock('2026-03-02T09:00:00+08:00');
const at = (iso: string) => clock.set(iso);

beforeAll(async () => {
  w = await createWorld({ clock });
});
afterAll(async () => w.close());

async function tick(iso: string): Promise<void> {
  at(iso);
  await cronTick(w.deps, complaintJobs);
  await runDueJobs(w.deps, complaintJobs);
}

const status = async (id: string) => (await w.deps.db.selectFrom('complaint').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const audits = (id: string) => w.deps.db.selectFrom('audit_log').selectAll().where('object_id', '=', id).where('action', '=', 'complaint.auto_close').execute();

describe('自动办结 of answered complaints nobody rates', () => {
  const ids = {} as Record<'unrated' | 'rated' | 'secondRound' | 'later', string>;

  it('closes each unrated answer once its calendar days are over, as the system, on the public timeline and in the reporter view', async () => {
    at('2026-03-02T09:00:00+08:00');
    ids.unrated = await answered(w);
    ids.rated = await rated(w, 'satisfied');
    ids.secondRound = await rated(w, 'dissatisfied');
    await w.as('discipline').post(`/api/complaints/${ids.secondRound}/redo`, { note: '重新核查' });
    await w.as('discipline').post(`/api/complaints/${ids.secondRound}/answer`, { answer: '重新核查后已答复' });
    at('2026-03-03T09:00:00+08:00');
    ids.later = await answered(w);

    await tick('2026-03-17T08:59:00+08:00');
    expect(await status(ids.unrated)).toBe('answered');

    at('2026-03-17T09:41:00+08:00');
    const reporter = await reporterHeader(w, ids.unrated);
    const view = () => w.as(null).inject({ method: 'GET', url: `${PORTAL}/mine`, headers: reporter });
    expect((await view()).json()).toMatchObject({ status: 'answered', canRate: true });
    await tick('2026-03-17T09:41:00+08:00');

    expect([await status(ids.unrated), await status(ids.secondRound), await status(ids.rated), await status(ids.later)]).toEqual(['closed', 'closed', 'rated', 'answered']);
    // The clock has not moved: a kept view would still say 已答复.
    expect((await view()).json()).toMatchObject({ status: 'closed', closedAt: '2026-03-17T09:41:00.000+08:00', canRate: false });
    const c = (await w.as('discipline').get(`/api/complaints/${ids.unrated}`)).json();
    expect(c.timeline.at(-1)).toMatchObject({ kind: 'auto_closed', visibility: 'public', actorName: null, note: '' });
    expect(c.actions).not.toContain('close');
    const logged = await audits(ids.unrated);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor_kind: 'system', actor_id: null, object_type: 'complaint', result: 'success' });
    expect(JSON.parse(logged[0]!.details)).toEqual({ code: c.code, answeredAt: '2026-03-02T09:00:00.000+08:00', days: 15 });
  });

  it('acts once per complaint however often or concurrently it runs, and leaves a rating given in time alone', async () => {
    await tick('2026-03-17T10:41:00+08:00');
    at('2026-03-18T08:00:00+08:00');
    await rate(w, ids.later, 'basically_satisfied');
    const runs = await Promise.all([autoCloseUnrated(w.deps, w.tenantId), autoCloseUnrated(w.deps, w.tenantId)]);
    expect(runs).toEqual([0, 0]);
    await tick('2026-03-18T09:41:00+08:00');
    expect(await status(ids.later)).toBe('rated');
    for (const id of [ids.unrated, ids.secondRound]) {
      expect(await audits(id)).toHaveLength(1);
      const events = await w.deps.db.selectFrom('complaint_event').select('kind').where('complaint_id', '=', id).where('kind', '=', 'auto_closed').execute();
      expect(events).toHaveLength(1);
    }
  });

  it('closes two answers that fall due together exactly once each when two runs race', async () => {
    at('2026-03-20T09:00:00+08:00');
    const pair = [await answered(w), await answered(w)];
    at('2026-04-04T09:00:00+08:00');
    const runs = await Promise.all([autoCloseUnrated(w.deps, w.tenantId), autoCloseUnrated(w.deps, w.tenantId)]);
    expect(runs[0]! + runs[1]!).toBe(2);
    for (const id of pair) {
      expect(await status(id)).toBe('closed');
      expect(await audits(id)).toHaveLength(1);
    }
  });
});
