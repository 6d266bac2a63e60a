import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestJob } from '../../platform/notify/digest-job.js';
import { cronTick, runDueJobs } from '../../platform/jobs/scheduler.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { rectificationDigest } from './rectification.digest.js';

let w: World;
const clock = new FakeClock('2026-04-27T10:00:00+08:00');
const defs = [digestJob([rectificationDigest])];

beforeAll(async () => {
  w = await createWorld({ clock });
});
afterAll(async () => w.close());

/** Every process ticks: run the cron tick and the worker twice, as two processes would. */
async function morning(date: string): Promise<void> {
  clock.set(`${date}T08:30:00+08:00`);
  for (let i = 0; i < 2; i += 1) {
    await cronTick(w.deps, defs);
    await runDueJobs(w.deps, defs);
  }
}

async function digests(user: FixtureUser) {
  const rows = await w.deps.db.selectFrom('notification').select(['params', 'created_at']).where('user_id', '=', w.users[user].id).where('kind', '=', 'digest').orderBy('created_at').execute();
  return rows.map((r): Record<string, number | string> => ({ day: r.created_at.slice(0, 10), ...(JSON.parse(r.params) as Record<string, number | string>) }));
}

describe('rectification reminders and escalation', () => {
  it('reminds the owner on the day, skips the holiday, then escalates once per day to the leader and 纪检', async () => {
    const leader = await w.as('orgOfficer').post('/api/leaders', { personId: w.users.secretary.personId, title: '副局长', overseesOrgIds: [w.orgs.branch1] });
    expect(leader.statusCode).toBe(201);
    const ownerId = w.users.staff.personId!;
    const created = await w.as('discipline').post('/api/rectification', {
      sourceType: 'inspection_finding', title: '公务接待无公函', problem: '3月两次接待无公函、无接待清单。', orgId: w.orgs.branch1,
      leaderId: leader.json().id, ownerId, days: 3, measures: [{ description: '补齐手续并建立接待审批台账', ownerId }],
    });
    expect(created.json().dueDate).toBe('2026-04-30');

    await morning('2026-04-28');
    await morning('2026-04-30');
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']) await morning(day);
    await morning('2026-05-06');
    await morning('2026-05-07');

    const staff = await digests('staff');
    expect(staff.map((d) => d.day)).toEqual(['2026-04-28', '2026-04-30', '2026-05-06', '2026-05-07']);
    expect(staff[0]!['n.rectification.due_soon']).toBe(1);
    expect(staff[1]!['n.rectification.due_today']).toBe(1);
    expect(staff[2]!['n.rectification.overdue']).toBe(1);

    for (const user of ['secretary', 'discipline'] as const) {
      const got = await digests(user);
      expect(got.map((d) => d.day), user).toEqual(['2026-05-06', '2026-05-07']);
      expect(got.every((d) => d['n.rectification.escalated'] === 1 && d.count === 1), user).toBe(true);
    }
    expect(await digests('branchSecretary')).toEqual([]);
  });
});
