import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../platform/clock/clock.js';
import { cronTick, runDueJobs } from '../../platform/jobs/scheduler.js';
import { digestJob } from '../../platform/notify/digest-job.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { complaintDigest } from './complaints.digest.js';
import { builtinMatter, dispatched, inProgress, intake, rate, rated, type ScratchOptions } from './complaints.fixtures.js';

/**
 * Spring Festival 2026: holidays 02-15 … 02-23, make-up working days Saturday 02-14 and Saturday 02-28.
 * The world starts on Tuesday 02-10; passwords (90 days) stay valid throughout. With the default settings a
 * complaint is 蓝 once more than 3 working days pass after submission without 分办 and 交办, 黄 once more than 5 (or
 * the matter's answer days) pass after 交办 without an answer, and its answer is due 13 working days after
 * 交办 (or the answer days + 1, if more): 红 from the day after.
 */
let w: World;
const clock = new FakeClock('2026-02-10T09:00:00+08:00');
const defs = [digestJob([complaintDigest])];
const at = (date: string, time = '09:00') => clock.set(`${date}T${time}:00+08:00`);

beforeAll(async () => {
  w = await createWorld({ clock });
});
afterAll(async () => w.close());

const get = async (id: string) => (await w.as('discipline').get(`/api/complaints/${id}`)).json();
const sla = async (id: string) => (await get(id)).sla as string | null;

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

const ids = {} as Record<'a' | 'a1' | 'f' | 'b' | 'c' | 'd' | 'e' | 'g', string>;

describe('SLA colours across the Spring Festival, with 调休', () => {
  const matters = {} as Record<'quickAssign' | 'slowAnswer', string>;

  it('builds the cases', async () => {
    await builtinMatter(w);
    matters.quickAssign = await matterWith({ assignDays: 1 }, '一天内分办的事项');
    matters.slowAnswer = await matterWith({ answerDays: 15 }, '十五天内答复的事项');
    at('2026-02-11');
    ids.a = (await intake(w)).id;
    ids.a1 = (await intake(w, { matterId: matters.quickAssign })).id;
    ids.f = (await intake(w)).id;
    at('2026-02-13');
    expect((await w.as('discipline').post(`/api/complaints/${ids.f}/assign`, { responsibleOrgId: w.orgs.branch1 })).json()).toMatchObject({ status: 'assigned', sla: null });
    const sent: ['b' | 'c' | 'd' | 'e' | 'g', ScratchOptions][] = [['b', {}], ['c', {}], ['d', { matterId: matters.slowAnswer }], ['e', { org: 'branch1' }], ['g', { org: 'unitA', responsible: 'unitA' }]];
    for (const [k, o] of sent) ids[k] = await dispatched(w, o);
    // 交办 Friday 02-13 + 13 working days: 02-14 (1, make-up Saturday), 02-24 … 02-27 (5), 02-28 (6,
    // make-up Saturday), 03-02 … 03-06 (11), 03-09 (12), 03-10 (13).
    expect((await w.as('discipline').get(`/api/complaints/${ids.b}`)).json().dueDate).toBe('2026-03-10');
    // The matter answers within 15 days, so the 办理时限 stretches to 16: 03-11 (14), 03-12 (15), 03-13 (16).
    expect((await w.as('discipline').get(`/api/complaints/${ids.d}`)).json().dueDate).toBe('2026-03-13');
    await w.as('branchSecretary').post(`/api/complaints/${ids.c}/accept`, {});
    const x = (await w.as('branchSecretary').post(`/api/complaints/${ids.c}/extensions`, { days: 2, reason: '节后当事人才返岗' })).json();
    const approved = (await w.as('discipline').post(`/api/complaints/${ids.c}/extensions/${x.extensionList[0].id}/decision`, { approve: true })).json();
    // 03-10 + 2 working days: 03-11, 03-12.
    expect(approved.dueDate).toBe('2026-03-12');
  });

  it('turns 蓝 only after the assign working days, counting the make-up Saturday and skipping the holiday, until 交办 and not just 分办', async () => {
    // Submitted Wednesday 02-11: 02-12 (1), 02-13 (2), 02-14 (3, make-up Saturday), 02-24 (4, first day after
    // the holiday). The matter that wants 分办 within one day is 蓝 on 02-13 (2 > 1). f was 分办 in time
    // but never 交办: its answer clock has not started, so the assign days still count from submission.
    at('2026-02-13');
    expect([await sla(ids.a), await sla(ids.a1), await sla(ids.f)]).toEqual([null, 'blue', null]);
    at('2026-02-14');
    expect([await sla(ids.a), await sla(ids.f)]).toEqual([null, null]);
    at('2026-02-20');
    expect([await sla(ids.a), await sla(ids.f)]).toEqual([null, null]);
    at('2026-02-24');
    expect([await sla(ids.a), await sla(ids.f)]).toEqual(['blue', 'blue']);
    await filterAgrees(Object.values(ids));
  });

  it('takes one complaint through 蓝, 黄 and 红: not 分办 in time, not answered within the answer days of 交办, past the 办理时限', async () => {
    at('2026-02-24');
    expect(await sla(ids.a)).toBe('blue');
    await w.as('discipline').post(`/api/complaints/${ids.a}/assign`, { responsibleOrgId: w.orgs.branch1 });
    // 交办 Tuesday 02-24: 02-25 … 02-27 (3), 02-28 (4, make-up Saturday), 03-02 (5), 03-03 (6), 03-04 … 03-06 (9),
    // 03-09 … 03-12 (13). 黄 once more than 5 have passed (03-03); due 03-12, 红 from 03-13.
    const a = (await w.as('discipline').post(`/api/complaints/${ids.a}/dispatch`, {})).json();
    expect(a).toMatchObject({ status: 'dispatched', dueDate: '2026-03-12', sla: null });
    const seen: (string | null)[] = [];
    for (const date of ['2026-02-28', '2026-03-02', '2026-03-03', '2026-03-12', '2026-03-13']) {
      at(date);
      seen.push(await sla(ids.a));
      await filterAgrees(Object.values(ids));
    }
    expect(seen).toEqual([null, null, 'yellow', 'yellow', 'red']);
  });

  it('turns 黄 past the answer days, 红 the day after the due date, stays 黄 inside an approved extension, and honours a matter\'s days', async () => {
    // All 交办 on 02-13 (working days counted in the first case): 02-27 is the 5th, 02-28 the 6th.
    at('2026-02-27');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d)]).toEqual([null, null, null]);
    await filterAgrees(Object.values(ids));
    at('2026-02-28');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d), await sla(ids.e)]).toEqual(['yellow', 'yellow', null, 'yellow']);
    await filterAgrees(Object.values(ids));
    at('2026-03-10');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d)]).toEqual(['yellow', 'yellow', null]);
    at('2026-03-11');
    expect([await sla(ids.b), await sla(ids.c), await sla(ids.d), await sla(ids.e)]).toEqual(['red', 'yellow', null, 'red']);
    await filterAgrees(Object.values(ids));
    // 03-12 is the 15th working day, so the 15-day matter is still on time; 03-13, the 16th and its due date, is 黄.
    at('2026-03-12');
    expect(await sla(ids.d)).toBeNull();
    at('2026-03-13');
    expect([await sla(ids.c), await sla(ids.d)]).toEqual(['red', 'yellow']);
    await filterAgrees(Object.values(ids));
    at('2026-03-16');
    expect(await sla(ids.d)).toBe('red');
    await filterAgrees(Object.values(ids));
    const red = (await w.as('discipline').get('/api/complaints?sla=red&pageSize=200')).json().items.map((c: { id: string }) => c.id);
    expect(red).toEqual(expect.arrayContaining([ids.a, ids.b, ids.c, ids.d, ids.e]));
    expect(red).not.toContain(ids.a1);
  });

  it('turns 红 once 延期 is asked for more than twice or the reporter is dissatisfied twice, well before the due date, and clears once closed', async () => {
    at('2026-03-16');
    const bs = w.as('branchSecretary');
    const d = w.as('discipline');
    const x = await inProgress(w);
    const ask = async () => (await bs.post(`/api/complaints/${x}/extensions`, { days: 1, reason: '需要补充材料' })).json().extensionList.at(-1).id as string;
    await d.post(`/api/complaints/${x}/extensions/${await ask()}/decision`, { approve: true });
    await d.post(`/api/complaints/${x}/extensions/${await ask()}/decision`, { approve: false });
    // 交办 Monday 03-16 + 13 working days: 03-17 … 03-20 (4), 03-23 … 03-27 (9), 03-30 … 04-02 (13); the
    // approved day makes it 04-03.
    expect(await get(x)).toMatchObject({ dueDate: '2026-04-03', extensions: 2, sla: null });
    const third = await ask();
    expect(await get(x)).toMatchObject({ dueDate: '2026-04-03', extensions: 3, sla: 'red' });
    // One more working day after Friday 04-03 skips 清明 (04-04 … 04-06).
    expect((await d.post(`/api/complaints/${x}/extensions/${third}/decision`, { approve: true })).json()).toMatchObject({ dueDate: '2026-04-07', sla: 'red' });

    const id = await rated(w, 'dissatisfied');
    expect(await sla(id)).toBeNull();
    await d.post(`/api/complaints/${id}/redo`, { note: '重新核查' });
    await d.post(`/api/complaints/${id}/answer`, { answer: '已再次核查并答复' });
    await rate(w, id, 'dissatisfied');
    expect(await sla(id)).toBe('red');

    await d.post(`/api/complaints/${x}/answer`, { answer: '补充材料后已核实答复' });
    expect(await sla(x)).toBe('red');
    await filterAgrees([...Object.values(ids), x, id]);
    await rate(w, x, 'satisfied');
    for (const done of [x, id]) await d.post(`/api/complaints/${done}/close`, { note: '经研究予以办结' });
    expect([await sla(x), await sla(id)]).toEqual([null, null]);
  });
});

describe('reminders and escalations in the daily digest', () => {
  /**
   * The digest reads the complaints as the cases above left them: a 交办 02-24, due 03-12 (黄 from 03-03); a1
   * never 分办; f 分办 but never 交办; b, e and g due 03-10 (黄 from 02-28), c 03-12 (extended, 黄), d 03-13 (its
   * 15 answer days make it 黄 only on 03-13); the rest closed. Handlers hear of an answer from two working days
   * (system.sla.warnWorkingDays) before its due date, not when it turns 黄; 监督部门 hears of every colour. e
   * names 第一党支部, so its branch secretary and 纪检 (局党总支, above it) are recused and hear nothing of it,
   * in any role. orgOfficer (a person of 办公室) is made a 纪检 officer over 闸站管理所 only: of all these it hears
   * of g alone.
   */
  it('tells handlers of answers due soon and overdue and 监督部门 of 蓝, 黄 and 红 with the reason, in scope, never a recused person, never on a holiday', async () => {
    const roles = (await w.as('secadmin').get('/api/roles')).json();
    const officer = (roles.items ?? roles).find((r: { code: string }) => r.code === 'discipline_officer');
    const granted = await w.as('secadmin').post('/api/assignments', { userId: w.users.orgOfficer.id, roleId: officer.id, scopeKind: 'subtree', scopeOrgId: w.orgs.unitA });
    expect(granted.statusCode, granted.body).toBe(201);

    await morning('2026-02-20');
    expect(await digestOn('discipline', '2026-02-20')).toBeNull();

    // 03-05 → 03-10 is three working days (03-06, 03-09, 03-10): b has been 黄 for a week, but is not due soon yet.
    await morning('2026-03-05');
    expect(await digestOn('branchSecretary', '2026-03-05')).toBeNull();
    expect(await digestOn('discipline', '2026-03-05')).toEqual({
      date: '2026-03-05', count: 6, 'n.complaint.unassigned': 1, 'n.complaint.undispatched': 1, 'n.complaint.yellow': 4,
    });
    expect(await digestOn('orgOfficer', '2026-03-05')).toEqual({ date: '2026-03-05', count: 1, 'n.complaint.yellow': 1 });

    await morning('2026-03-06');
    expect(await digestOn('branchSecretary', '2026-03-06')).toEqual({ date: '2026-03-06', count: 1, 'n.complaint.due_soon': 1 });
    expect(await digestOn('discipline', '2026-03-06')).toEqual({
      date: '2026-03-06', count: 8, 'n.complaint.due_soon': 2, 'n.complaint.unassigned': 1, 'n.complaint.undispatched': 1, 'n.complaint.yellow': 4,
    });
    expect(await digestOn('orgOfficer', '2026-03-06')).toEqual({ date: '2026-03-06', count: 2, 'n.complaint.due_soon': 1, 'n.complaint.yellow': 1 });

    // Before the digest on 03-11: h has had 延期 asked for three times, i was 重办 and rated 不满意 again.
    at('2026-03-11', '08:00');
    const h = await inProgress(w);
    for (const approve of [true, false]) {
      const x = (await w.as('branchSecretary').post(`/api/complaints/${h}/extensions`, { days: 1, reason: '需要补充材料' })).json().extensionList.at(-1).id as string;
      await w.as('discipline').post(`/api/complaints/${h}/extensions/${x}/decision`, { approve });
    }
    await w.as('branchSecretary').post(`/api/complaints/${h}/extensions`, { days: 1, reason: '仍需补充材料' });
    const i = await rated(w, 'dissatisfied');
    await w.as('discipline').post(`/api/complaints/${i}/redo`, { note: '重新核查' });
    await w.as('discipline').post(`/api/complaints/${i}/answer`, { answer: '已再次核查并答复' });
    await rate(w, i, 'dissatisfied');
    expect([await sla(h), await sla(i)]).toEqual(['red', 'red']);

    // 03-11: b and g are past their due date (e too, told to nobody here); a and c (03-12) and d (03-13: 03-12,
    // 03-13) are due within two working days. 纪检 handles and supervises: b's and g's overdue answers count once.
    await morning('2026-03-11');
    expect(await digestOn('branchSecretary', '2026-03-11')).toEqual({ date: '2026-03-11', count: 4, 'n.complaint.overdue': 1, 'n.complaint.due_soon': 3 });
    expect(await digestOn('discipline', '2026-03-11')).toEqual({
      date: '2026-03-11', count: 11, 'n.complaint.overdue': 2, 'n.complaint.due_soon': 3, 'n.complaint.yellow': 2,
      'n.complaint.unassigned': 1, 'n.complaint.undispatched': 1, 'n.complaint.over_extended': 1, 'n.complaint.dissatisfied_twice': 1,
    });
    expect(await digestOn('orgOfficer', '2026-03-11')).toEqual({ date: '2026-03-11', count: 1, 'n.complaint.overdue': 1 });
    expect(await digestOn('secretary', '2026-03-11')).toBeNull();
  });

  it('leaves out a supervisor only for the recusal on record: without it, 纪检 hears of e as its supervisor', async () => {
    // e stays 红 and in 纪检's tenant-wide scope; as a handler 纪检 is still kept off it by the accused org's chain.
    await w.deps.db.deleteFrom('complaint_recusal').where('complaint_id', '=', ids.e).where('person_id', '=', w.users.discipline.personId!).execute();
    await morning('2026-03-12');
    expect(await digestOn('discipline', '2026-03-12')).toMatchObject({ 'n.complaint.overdue': 3 });
    expect(await digestOn('branchSecretary', '2026-03-12')).toMatchObject({ 'n.complaint.overdue': 1 });
  });
});
