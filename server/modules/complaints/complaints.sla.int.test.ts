import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../platform/clock/clock.js';
import { cronTick, runDueJobs } from '../../platform/jobs/scheduler.js';
import { digestJob } from '../../platform/notify/digest-job.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { complaintDigest } from './complaints.digest.js';
import { builtinMatter, dispatched, intake, rate, rated, type ScratchOptions } from './complaints.fixtures.js';

/**
 * Spring Festival 2026: holidays 02-15 … 02-23, make-up working days Saturday 02-14 and Saturday 02-28.
 * The world starts on Tuesday 02-10; passwords (90 days) stay valid throughout.
 */
let w: World;
const clock = new FakeClock('2026-02-10T09:00:00+08:00');
const defs = [digestJob([complaintDigest])];
const at = (date: string, time = '09:00') => clock.set(`${date}T${time}:00+08:00`);

beforeAll(async () => {
  w = await createWorld({ clock });
});
afterAll(async () => w.close());

const sla = async (id: string) => (await w.as('discipline').get(`/api/complaints/${id}`)).json().sla as string | null;

/** The inbox's colour filter (SQL) must put each complaint exactly where its computed colour (JS) says. */
async function filterAgrees(ids: string[]): Promise<void> {
  const d = w.as('discipline');
  const bucket = new Map<string, string | null>(ids.map((id) => [id, null]));
  for (const colour of ['blue', 'yellow', 'red']) {
    const page = (await d.get(`/api/complaints?sla=${colour}&pageSize=200`)).json();
    for (const c of page.items as { id: string; sla: string | null }[]) {
      expect(c.sla, `${c.id} listed under ${colour}`).toBe(colour);
      if (bucket.has(c.id)) bucket.set(c.id, colour);
    }
  }
  for (const id of ids) expect(bucket.get(id), id).toBe(await sla(id));
}

async function matterWith(days: { assignDays?: number; answerDays?: number }, name: string): Promise<string> {
  const cat = (await w.as('discipline').get('/api/complaint-catalogue')).json().items[0];
  const res = await w.as('discipline').post('/api/complaint-catalogue/matters', { categoryId: cat.id, name, responsibleOrgId: w.orgs.bureau, sort: 900, ...days });
  return res.json().id;
}

async function morning(date: string): Promise<void> {
  at(date, '08:30');
  for (let i = 0; i < 2; i += 1) {
    await cronTick(w.deps, defs);
    await runDueJobs(w.deps, defs);
  }
}

async function digestOn(user: FixtureUser, date: string): Promise<Record<string, number | string> | null> {
  const rows = await w.deps.db.selectFrom('notification').select(['params', 'created_at']).where('user_id', '=', w.users[user].id).where('kind', '=', 'digest').execute();
  const hit = rows.find((r) => r.created_at.startsWith(date));
  return hit ? (JSON.parse(hit.params) as Record<string, number | string>) : null;
}

describe('SLA colours across the Spring Festival, with 调休', () => {
  const ids = {} as Record<'a' | 'a1' | 'b' | 'c' | 'd' | 'e', string>;
  const matters = {} as Record<'quickAssign' | 'slowAnswer', string>;

  it('builds the cases', async () => {
    await builtinMatter(w);
    matters.quickAssign = await matterWith({ assignDays: 1 }, '一天内分办的事项');
    matters.slowAnswer = await matterWith({ answerDays: 10 }, '十天内答复的事项');
    at('2026-02-11');
    ids.a = (await intake(w)).id;
    ids.a1 = (await intake(w, { matterId: matters.quickAssign })).id;
    at('2026-02-13');
    const sent: ['b' | 'c' | 'd' | 'e', ScratchOptions][] = [['b', {}], ['c', {}], ['d', { matterId: matters.slowAnswer }], ['e', { org: 'branch1' }]];
    for (const [k, o] of sent) ids[k] = await dispatched(w, o);
    expect((await w.as('discipline').get(`/api/complaints/${ids.b}`)).json().dueDate).toBe('2026-02-27');
    expect((await w.as('discipline').get(`/api/complaints/${ids.d}`)).json().dueDate).toBe('2026-03-05');
    await w.as('branchSecretary').post(`/api/complaints/${ids.c}/accept`, {});
    const x = (await w.as('branchSecretary').post(`/api/complaints/${ids.c}/extensions`, { days: 2, reason: '节后当事人才返岗' })).json();
    const approved = (await w.as('discipline').post(`/api/complaints/${ids.c}/extensions/${x.extensionList[0].id}/decision`, { approve: true })).json();
    expect(approved.dueDate).toBe('2026-03-02');
  });

  it('turns 蓝 only after the assign working days, counting the make-up Saturday and skipping the holiday', async () => {
    at('2026-02-13');
    expect([await sla(ids.a), await sla(ids.a1)]).toEqual([null, 'blue']);
    at('2026-02-14');
    expect(await sla(ids.a)).toBeNull();
    at('2026-02-20');
    expect(await sla(ids.a)).toBeNull();
    at('2026-02-24');
    expect(await sla(ids.a)).toBe('blue');
    await filterAgrees(Object.values(ids));
  });

  it('turns 红 the working day after the due date, 黄 past the answer days inside an approved extension, and honours a matter\'s days', async () => {
    at('2026-02-27');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d)]).toEqual([null, null, null]);
    await filterAgrees(Object.values(ids));
    at('2026-02-28');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d)]).toEqual(['red', 'yellow', null]);
    await filterAgrees(Object.values(ids));
    at('2026-03-03');
    expect([await sla(ids.c), await sla(ids.d)]).toEqual(['red', null]);
    await filterAgrees(Object.values(ids));
    expect((await w.as('discipline').get('/api/complaints?sla=red&pageSize=200')).json().items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([ids.b, ids.c, ids.e]));
  });

  it('turns 红 when the reporter is dissatisfied twice, and clears once closed', async () => {
    at('2026-03-03');
    const id = await rated(w, 'dissatisfied');
    expect(await sla(id)).toBeNull();
    await w.as('discipline').post(`/api/complaints/${id}/redo`, { note: '重新核查' });
    await w.as('discipline').post(`/api/complaints/${id}/answer`, { answer: '已再次核查并答复' });
    await rate(w, id, 'dissatisfied');
    expect(await sla(id)).toBe('red');
    await filterAgrees([...Object.values(ids), id]);
    await w.as('discipline').post(`/api/complaints/${id}/close`, { note: '经研究予以办结' });
    expect(await sla(id)).toBeNull();
  });
});

describe('reminders in the daily digest', () => {
  it('tells handlers of answers due soon and overdue and 监督部门 of complaints left unassigned, never a recused handler, never on a holiday', async () => {
    await morning('2026-02-20');
    expect(await digestOn('discipline', '2026-02-20')).toBeNull();

    await morning('2026-02-26');
    expect(await digestOn('branchSecretary', '2026-02-26')).toMatchObject({ count: 1, 'n.complaint.due_soon': 1 });
    expect(await digestOn('discipline', '2026-02-26')).toMatchObject({ 'n.complaint.due_soon': 1, 'n.complaint.unassigned': 2 });

    await morning('2026-02-28');
    expect(await digestOn('branchSecretary', '2026-02-28')).toMatchObject({ 'n.complaint.overdue': 1, 'n.complaint.due_soon': 1 });
    const d = await digestOn('discipline', '2026-02-28');
    expect(d).toMatchObject({ 'n.complaint.overdue': 1, 'n.complaint.due_soon': 1, 'n.complaint.unassigned': 2 });
    expect(await digestOn('secretary', '2026-02-28')).toBeNull();
  });
});
