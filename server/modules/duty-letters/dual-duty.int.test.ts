import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DualDuty, DualDutyList, DutyProposal } from '../../../contracts/duty-letters.js';
import { systemCtx } from '../../platform/context.js';
import { createWorld, type World } from '../../test/world.js';
import { assessmentFeed } from '../assessment/assessment.feeds.js';
import { scratchTask } from '../duty-tasks/duty-tasks.fixtures.js';
import { LETTER_SIGNING_RATE } from './duty-letters.feed.js';
import { makeTemplate, seatLeadership, sign } from './duty-letters.fixture.js';

let w: World;
let leaders: Awaited<ReturnType<typeof seatLeadership>>;
let letterIds: string[];
beforeAll(async () => {
  w = await createWorld();
  leaders = await seatLeadership(w);
  const p = (await w.as('orgOfficer').get('/api/duty-letters/proposal?year=2026')).json() as DutyProposal;
  const templateId = await makeTemplate(w, 3);
  const res = await w.as('orgOfficer').post('/api/duty-letters/issue', {
    year: 2026,
    letters: p.items.map((i) => ({ templateId, level: i.level, orgId: i.org.id, partyPersonIds: i.parties.map((x) => x.person.id) })),
  });
  letterIds = res.json().ids;
});
afterAll(async () => w.close());

const view = async (person: string, as: Parameters<World['as']>[0] = 'secretary', year = 2026) => {
  const res = await w.as(as).get(`/api/dual-duty/${person}?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DualDuty;
};

describe('一岗双责', () => {
  it('shows a member’s orgs, letters, tasks and rectification items of their area on one page', async () => {
    const own = await scratchTask(w, { leader: 'discipline', org: 'bureau' });
    const ofUnit = await scratchTask(w, { org: 'unitA', deadline: '2026-02-01' });
    const elsewhere = await scratchTask(w, { org: 'branch2' });
    const rect = await w.as('discipline').post('/api/rectification', {
      sourceType: 'manual', title: '闸站会议记录不全', problem: '会议记录不完整。', orgId: w.orgs.unitASection, leaderId: leaders.discipline,
      ownerId: w.users.unitOfficer.personId, days: 10, measures: [{ description: '补全会议记录', ownerId: w.users.unitOfficer.personId }],
    });
    expect(rect.statusCode, rect.body).toBe(201);
    const other = await w.as('discipline').post('/api/rectification', {
      sourceType: 'manual', title: '支部问题', problem: '问题。', orgId: w.orgs.branch2, ownerId: w.users.staff.personId, days: 10,
      measures: [{ description: '整改', ownerId: w.users.staff.personId }],
    });
    expect(other.statusCode, other.body).toBe(201);

    const v = await view(w.users.discipline.personId!);
    expect(v.person).toEqual({ id: w.users.discipline.personId, name: 'discipline同志' });
    expect(v.leader).toEqual({ id: leaders.discipline, title: '纪检委员' });
    expect(v.oversees.map((o) => o.id).sort()).toEqual([w.orgs.unitA, w.orgs.office].sort());
    // Their own letter with the 书记 and the unit letter they are a party to; the orgOfficer's branch letter is not theirs.
    expect(v.letters.map((l) => l.level).sort()).toEqual(['bureau', 'unit']);
    const tasks = new Map(v.tasks.map((t) => [t.id, t]));
    expect(tasks.get(own.taskId)?.own).toBe(true);
    expect(tasks.get(ofUnit.taskId)).toMatchObject({ own: false, overdue: true });
    expect(tasks.has(elsewhere.taskId)).toBe(false);
    expect(v.rectification.map((r) => r.id)).toEqual([rect.json().id]);
    expect(v.counts).toEqual({ letters: 2, lettersSigned: 0, tasks: 2, tasksOverdue: 1, rectificationOpen: 1, rectificationOverdue: 0 });

    const unit = v.letters.find((l) => l.level === 'unit')!;
    for (const u of ['secretary', 'discipline', 'unitOfficer'] as const) await sign(w, unit.id, u);
    expect((await view(w.users.discipline.personId!)).counts.lettersSigned).toBe(1);
  });

  it('lists the members with their figures, and keeps to the caller’s scope', async () => {
    const list = (await w.as('secretary').get('/api/dual-duty?year=2026')).json() as DualDutyList;
    expect(list.items.map((i) => [i.title, i.oversees.length])).toEqual([['党总支书记', 0], ['纪检委员', 2], ['副局长', 1]]);
    expect(list.items[0]!.counts.letters).toBe(3);
    const branch = (await w.as('branchSecretary').get('/api/dual-duty?year=2026')).json() as DualDutyList;
    expect(branch.items).toEqual([]);
    expect((await w.as('branchSecretary').get(`/api/dual-duty/${w.users.discipline.personId}?year=2026`)).statusCode).toBe(404);
    const self = await view(w.users.staff.personId!, 'staff');
    expect(self).toMatchObject({ leader: null, oversees: [], letters: [], tasks: [] });
    expect((await w.as('unitOfficer').get(`/api/dual-duty/${w.users.discipline.personId}?year=2026`)).statusCode).toBe(404);
  });
});

/** After the first block signed the 闸站管理所 letter: one of the year's four letters is fully signed. */
describe('the 责任书签订率 feed', () => {
  const feed = (subject: { kind: 'org'; orgId: string } | { kind: 'person'; personId: string }, year = 2026) =>
    assessmentFeed(LETTER_SIGNING_RATE)!(systemCtx(w.deps, w.tenantId), { subject, year });

  it('is registered, and counts one shortfall while any letter of the unit or member is unsigned', async () => {
    expect(assessmentFeed(LETTER_SIGNING_RATE)).toBeDefined();
    const unit = await feed({ kind: 'org', orgId: w.orgs.unitA });
    expect(unit).toMatchObject({ occurrences: 0, value: 1, items: [] });
    const bureau = await feed({ kind: 'org', orgId: w.orgs.bureau });
    expect(bureau.occurrences).toBe(1);
    expect(bureau.value).toBe(1 / 4);
    expect(bureau.items).toHaveLength(3);
    const member = await feed({ kind: 'person', personId: w.users.orgOfficer.personId! });
    expect(member).toMatchObject({ occurrences: 1, value: 0 });
    expect(member.items).toHaveLength(2);
    expect(member.items.every((i) => letterIds.includes(i.id))).toBe(true);
    expect(await feed({ kind: 'org', orgId: w.orgs.unitA }, 2025)).toEqual({ occurrences: 0, value: null, items: [] });
  });
});
