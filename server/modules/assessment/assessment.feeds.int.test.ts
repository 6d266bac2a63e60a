import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedValue } from '../../../contracts/assessment.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { draftOf } from '../../platform/storage/attachments.cases.js';
import { closedItem, scratchItem } from '../rectification/rectification.fixtures.js';
import { issueLetter, sign } from '../duty-letters/duty-letters.fixture.js';
import { createWorld, type FixtureOrg, type World } from '../../test/world.js';
import { assessmentFeedCodes, registerAssessmentFeed, type FeedQuery } from './assessment.feeds.js';
import { fullSheet, sampleRubric } from './assessment.fixtures.js';

/** A feed registered the way a module registers one: it records what it was asked and counts what the test says. */
const asked: (FeedQuery & { actor: string })[] = [];
let testCount = 0;
registerAssessmentFeed('test.counting', async (ctx, q) => {
  asked.push({ ...q, actor: ctx.actor.kind });
  return { occurrences: testCount, value: 0.75, items: [{ id: 'x', label: '责任书未全部签订' }] };
});

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: new FakeClock('2026-03-02T09:00:00+08:00') });
});
afterAll(async () => w.close());

const A = '/api/assessment';

/** The sample rubric with more fed rules: the test feed and the letter feed on 1.6 (−2 once), the key-task feed on 1.3 (−1 each, capped at 2). */
async function fedRubric(year = 2026, subjectKind: 'unit' | 'leader' = 'unit'): Promise<string> {
  const body = sampleRubric(year, subjectKind);
  const s1 = body.definition.sections[0]!;
  s1.indicators[5]!.deductions.push({ code: '1.6b', name: '责任书签订率低于100%', points: 2, cap: 2, feed: 'test.counting' });
  s1.indicators[2]!.deductions.push({ code: '1.3b', name: '重点任务超期', points: 1, cap: 2, feed: 'duty_tasks.overdue' });
  s1.indicators[5]!.deductions.push({ code: '1.6c', name: '责任书签订率低于100%（系统）', points: 2, cap: 2, feed: 'duty_letters.signing_rate' });
  const created = await w.as('orgOfficer').post(`${A}/rubrics`, body);
  expect(created.statusCode, created.body).toBe(201);
  expect((await w.as('orgOfficer').post(`${A}/rubrics/${created.json().id}/publish`)).statusCode).toBe(200);
  return created.json().id;
}

async function launch(rubricId: string, body: { orgIds?: string[]; personIds?: string[] }) {
  const res = await w.as('orgOfficer').post(`${A}/rubrics/${rubricId}/assessments`, body);
  expect(res.statusCode, res.body).toBe(200);
  return (await w.as('orgOfficer').get(`${A}/assessments/${res.json().items[0].id}`)).json();
}

const feed = (a: { feeds: FeedValue[] }, rule: string) => a.feeds.find((f) => f.rule === rule)!;

describe('the feed registry', () => {
  it('refuses a second registration of a code and a malformed code', () => {
    expect(() => registerAssessmentFeed('test.counting', async () => ({ occurrences: 0, value: null, items: [] }))).toThrow(/twice/);
    expect(() => registerAssessmentFeed('Bad Code', async () => ({ occurrences: 0, value: null, items: [] }))).toThrow(/invalid/);
  });

  it('lists what modules registered, for the rubric builder', async () => {
    const res = await w.as('branchSecretary').get(`${A}/feeds`);
    const codes = res.json().items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(assessmentFeedCodes());
    expect(codes).toEqual(expect.arrayContaining(['rectification.overdue', 'duty_tasks.overdue', 'duty_letters.signing_rate', 'test.counting']));
  });

  it('asks each feed once per subject and year, as the system, and keeps what it found', async () => {
    testCount = 3;
    asked.length = 0;
    const a = await launch(await fedRubric(), { orgIds: [w.orgs.office] });
    expect(asked).toEqual([{ subject: { kind: 'org', orgId: w.orgs.office }, year: 2026, actor: 'system' }]);
    expect(feed(a, '1.6b')).toMatchObject({ occurrences: 3, value: 0.75, known: true, items: [{ label: '责任书未全部签订' }] });
    const sheet = await w.as('orgOfficer').get(`${A}/assessments/${a.id}`);
    expect(sheet.json().selfScore).toBeNull();
  });
});

describe('整改超期 (rectification.overdue)', () => {
  const items: Partial<Record<'open' | 'late' | 'elsewhere', string>> = {};
  let lateId = '';

  beforeAll(async () => {
    // Created on 2 March with 10 working days: due mid-March.
    items.open = (await scratchItem(w, 'staff', 'branch1')).code;
    items.elsewhere = (await scratchItem(w, 'unitOfficer', 'unitA')).code;
    // Closed the day it was opened: on time, never counted.
    await closedItem(w, 'staff');
    const late = await scratchItem(w, 'staff', 'branch2');
    items.late = late.code;
    w.clock.set('2026-04-20T09:00:00+08:00');
    const done = await w.as('staff').patch(`/api/rectification/${late.id}/measures/${late.measureId}`, { status: 'done', note: '已整改' });
    expect(done.statusCode, done.body).toBe(200);
    const photo = await draftOf(w, 'staff');
    await w.as('staff').post(`/api/rectification/${late.id}/measures/${late.measureId}/evidence`, { attachmentIds: [photo], note: '整改后记录' });
    expect((await w.as('staff').post(`/api/rectification/${late.id}/submit`, {})).statusCode).toBe(200);
    lateId = late.id;
  });

  it('counts a unit’s items due in the year that were not closed by their due date', async () => {
    const branch1 = await launch(await fedRubric(), { orgIds: [w.orgs.branch1] });
    const f = feed(branch1, '1.8a');
    expect(f.occurrences).toBe(1);
    expect(f.items.map((i) => i.label.split(' ')[0])).toEqual([items.open]);
    const whole = await launch(await fedRubric(), { orgIds: [w.orgs.generalBranch] });
    expect(feed(whole, '1.8a').items.map((i) => i.label.split(' ')[0]).sort()).toEqual([items.open, items.late].sort());
    expect(feed(await launch(await fedRubric(2025), { orgIds: [w.orgs.branch1] }), '1.8a').occurrences).toBe(0);
  });

  it('counts an item closed after its due date', async () => {
    const verified = await w.as('discipline').post(`/api/rectification/${lateId}/verify`, { pass: true, note: '核实已整改' });
    expect(verified.statusCode, verified.body).toBe(200);
    const branch2 = await launch(await fedRubric(), { orgIds: [w.orgs.branch2] });
    expect(feed(branch2, '1.8a').items.map((i) => i.label.split(' ')[0])).toEqual([items.late]);
  });

  it('counts a leader’s area: the orgs they oversee', async () => {
    const res = await w.as('orgOfficer').post('/api/leaders', { personId: w.users.secretary.personId, title: '书记', overseesOrgIds: [w.orgs.unitA] });
    expect(res.statusCode, res.body).toBe(201);
    const a = await launch(await fedRubric(2026, 'leader'), { personIds: [w.users.secretary.personId!] });
    expect(feed(a, '1.8a').items.map((i) => i.label.split(' ')[0])).toEqual([items.elsewhere]);
  });

  it('deducts what the feed counted, and a refresh picks up what happened since', async () => {
    testCount = 0;
    const org: FixtureOrg = 'branch1';
    const a = await launch(await fedRubric(), { orgIds: [w.orgs[org]] });
    const saved = await w.as('branchSecretary').put(`${A}/assessments/${a.id}/self`, fullSheet([w.users.branchSecretary.personId!]));
    // Full marks less 1 for the one overdue item.
    expect(saved.json().selfTotal).toBe(99);
    expect(saved.json().selfScore.indicators.find((i: { code: string }) => i.code === '1.8').deductions).toEqual([{ rule: '1.8a', occurrences: 1, points: 1, fed: true }]);

    await scratchItem(w, 'staff', 'branch1');
    testCount = 1;
    // Within the 90 days the fixture passwords stay valid.
    w.clock.set('2026-05-25T09:00:00+08:00');
    const refreshed = await w.as('discipline').post(`${A}/assessments/${a.id}/refresh-feeds`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    // Two overdue items (−2) and the test feed once (−2): 100 − 4.
    expect([feed(refreshed.json(), '1.8a').occurrences, refreshed.json().selfTotal]).toEqual([2, 96]);
    expect(refreshed.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['launched', 'self_saved', 'feeds_refreshed']);
  });
});

describe('重点任务超期 (duty_tasks.overdue, registered by the key-task module)', () => {
  it('counts the unit’s overdue key tasks for its rule', async () => {
    const plan = await w.as('orgOfficer').post('/api/duty-plans', { year: 2026, title: '2026年党风廉政建设重点任务分解', orgId: w.orgs.bureau });
    expect(plan.statusCode, plan.body).toBe(201);
    for (const title of ['制定年度实施方案', '开展廉政风险排查', '召开专题会议']) {
      const t = await w.as('orgOfficer').post('/api/duty-tasks', {
        planId: plan.json().id, title, orgId: w.orgs.branch2, deadline: '2026-05-20', evidenceForms: ['plan'], weight: 10,
      });
      expect(t.statusCode, t.body).toBe(201);
    }
    const a = await launch(await fedRubric(), { orgIds: [w.orgs.branch2] });
    expect(feed(a, '1.3b').occurrences).toBe(3);
    expect(feed(a, '1.3b').items.map((i) => i.label.split(' ').slice(1).join(' ')).sort()).toEqual(['制定年度实施方案', '召开专题会议', '开展廉政风险排查'].sort());
    expect(feed(await launch(await fedRubric(), { orgIds: [w.orgs.office] }), '1.3b').occurrences).toBe(0);
  });
});

describe('责任书签订率 (duty_letters.signing_rate, registered by the letters module)', () => {
  it('counts one shortfall while a letter of the unit is unsigned, none once all parties signed', async () => {
    const letter = await issueLetter(w, ['secretary', 'unitOfficer'], { org: 'unitASection' });
    const a = await launch(await fedRubric(), { orgIds: [w.orgs.unitA] });
    expect(feed(a, '1.6c')).toMatchObject({ occurrences: 1, value: 0, known: true });
    await sign(w, letter, 'secretary');
    await sign(w, letter, 'unitOfficer');
    const refreshed = await w.as('discipline').post(`${A}/assessments/${a.id}/refresh-feeds`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(feed(refreshed.json(), '1.6c')).toMatchObject({ occurrences: 0, value: 1, items: [] });
  });
});
