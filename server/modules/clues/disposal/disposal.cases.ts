import { randomUUID } from 'node:crypto';
import { today } from '../../../platform/clock/clock.js';
import type { CaseRequest, RouteCase } from '../../../test/route-case.js';
import type { FixtureUser, World } from '../../../test/world.js';
import {
  acceptedClue, approvedFor, checkPlanned, closedClue, concluded, letterSent, offList, secondOfficer, shelved, spotSelected, talkPlanned,
} from './disposal.fixtures.js';

/** Among the fixture users only 纪检 holds clue:manage and only 书记 clue:approve; 组织 and 纪检 read discipline records. */
const officer: FixtureUser[] = ['discipline'];

type Build = (w: World) => Promise<string>;

/**
 * A disposal route exercised on a clue built in the state the step needs, for the caller who may take it;
 * everyone else is refused by the guard first, so they get a clue id that exists nowhere. The scope check
 * takes discipline off the list of a clue in the same state: the clue does not exist for them (404).
 */
function disposalCase(path: string, build: Build, body: (w: World) => object | Promise<object>, allow: FixtureUser[] = officer): RouteCase {
  const req = async (w: World, id: string): Promise<CaseRequest> => ({ url: `/api/clues/${id}${path}`, body: await body(w) });
  return {
    method: 'POST',
    route: `/api/clues/:id${path}`,
    allow,
    request: async (w, as) => req(w, as && allow.includes(as) ? await build(w) : randomUUID()),
    ...(allow === officer ? { scope: [{ as: 'discipline' as const, inside: async (w: World) => req(w, await build(w)), outside: async (w: World) => req(w, await offList(w, await build(w))) }] } : {}),
  };
}

const accepted: Build = async (w) => (await acceptedClue(w)).id;
const proposed: Build = async (w) => {
  const { id } = await acceptedClue(w);
  const r = await w.as('discipline').post(`/api/clues/${id}/proposal`, { method: 'close', reason: '拟予以了结' });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
};
const studied: Build = async (w) => {
  const id = await proposed(w);
  const r = await w.as('discipline').post(`/api/clues/${id}/study`, { meetingOn: today(w.clock), attendees: [w.users.discipline.id], opinions: [], conclusion: '同意' });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
};
const outcomeRecorded: Build = async (w) => {
  const id = await concluded(w);
  const r = await w.as('discipline').post(`/api/clues/${id}/outcome`, { form: 1, measure: 'criticism_education', note: '' });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
};

const day = (w: World) => today(w.clock);

export const disposalCases: RouteCase[] = [
  disposalCase('/proposal', accepted, () => ({ method: 'talk_inquiry', reason: '反映问题较笼统' })),
  disposalCase('/study', proposed, (w) => ({ meetingOn: day(w), attendees: [w.users.discipline.id], opinions: [{ accountId: w.users.discipline.id, opinion: '同意' }], conclusion: '同意予以了结' })),
  disposalCase('/approval', studied, () => ({ approve: true, note: '同意', higherBody: '上级纪委' }), ['secretary']),
  disposalCase('/talk-inquiry/plan', (w) => approvedFor(w, 'talk_inquiry'), (w) => ({ mode: 'letter', plannedOn: day(w), note: '函询方案' })),
  disposalCase('/talk-inquiry/talk', (w) => talkPlanned(w, 'talk'), async (w) => ({ heldOn: day(w), place: '谈话室', interviewers: [w.users.discipline.id, await secondOfficer(w)], intervieweeSigned: true, record: '谈话记录' })),
  disposalCase('/talk-inquiry/letter', (w) => talkPlanned(w, 'letter'), (w) => ({ sentOn: day(w) })),
  disposalCase('/talk-inquiry/reply', letterSent, (w) => ({ receivedOn: day(w), content: '书面说明', endorsedBy: '单位负责人', endorsedOn: day(w) })),
  disposalCase('/spot-check', spotSelected, () => ({ result: '经抽查核实，说明属实', consistent: true })),
  disposalCase('/preliminary-check/plan', (w) => approvedFor(w, 'preliminary_check'), () => ({ plan: '初核方案' })),
  disposalCase('/preliminary-check/extension', (w) => checkPlanned(w), () => ({ newDeadline: '2026-12-31', reason: '需调取更多材料' })),
  disposalCase('/preliminary-check/findings', (w) => checkPlanned(w), () => ({ findings: '初核发现' })),
  disposalCase('/preliminary-check/report', (w) => checkPlanned(w, true), () => ({ report: '初核报告' })),
  disposalCase('/shelve', (w) => approvedFor(w, 'shelve'), () => ({ reason: '条件暂不具备', reviewOn: '2026-12-01' })),
  disposalCase('/review', shelved, () => ({ note: '条件具备，重新研究' })),
  disposalCase('/close-no-action', (w) => approvedFor(w, 'close'), () => ({ reason: 'unverifiable', note: '无法核查' })),
  disposalCase('/transfer', (w) => approvedFor(w, 'transfer'), () => ({ recipient: '审查调查室', note: '移送审查调查' })),
  disposalCase('/outcome', (w) => concluded(w), (w) => ({ form: 1, measure: 'talk_reminder', note: '', rectification: { title: '补贴发放整改', problem: '程序不规范', orgId: w.orgs.unitA, ownerId: w.users.unitOfficer.personId, days: 20 } })),
  disposalCase('/close', outcomeRecorded, () => ({ note: '办结' })),
  disposalCase('/notices', accepted, (w) => ({ kind: 'acceptance', toldOn: day(w), method: 'phone', note: '电话告知' })),
  disposalCase('/objection', (w) => closedClue(w), (w) => ({ receivedOn: day(w), content: '对结果有异议' })),
  disposalCase('/checkins', (w) => closedClue(w, true), (w) => ({ doneOn: day(w), note: '回访未发现打击报复', retaliation: false })),
  {
    method: 'POST',
    route: '/api/clues/spot-checks/draw',
    allow: officer,
    request: () => ({ url: '/api/clues/spot-checks/draw', body: { year: 2026, quarter: 1 } }),
  },
  {
    method: 'GET',
    route: '/api/clues/:id/notices/:kind/letter',
    allow: officer,
    request: async (w, as) => ({ url: `/api/clues/${as === 'discipline' ? await accepted(w) : randomUUID()}/notices/acceptance/letter` }),
    scope: [{ as: 'discipline', inside: async (w) => ({ url: `/api/clues/${await accepted(w)}/notices/acceptance/letter` }), outside: async (w) => ({ url: `/api/clues/${await offList(w, await accepted(w))}/notices/acceptance/letter` }) }],
  },
  { method: 'GET', route: '/api/clues/measures', allow: officer, request: () => ({ url: '/api/clues/measures' }) },
  {
    method: 'GET',
    route: '/api/people/:id/discipline-records',
    allow: ['secretary', 'discipline', 'orgOfficer', 'unitOfficer'],
    request: (w) => ({ url: `/api/people/${w.users.unitOfficer.personId}/discipline-records` }),
    scope: [{ as: 'unitOfficer', inside: (w) => ({ url: `/api/people/${w.users.unitOfficer.personId}/discipline-records` }), outside: (w) => ({ url: `/api/people/${w.users.orgOfficer.personId}/discipline-records` }) }],
  },
];
