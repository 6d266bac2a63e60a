import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../platform/clock/clock.js';
import { createWorld, type World } from '../../../test/world.js';
import { intake } from '../../complaints/complaints.fixtures.js';
import { reporterHeader } from '../../complaints/portal/portal.fixtures.js';
import { REPORTER_NAME, acceptedClue, concluded, offList } from './disposal.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const FORBIDDEN = /纪检|纪委|纪律检查|监委|监察|执纪|线索|处分/;

describe('named reporters', () => {
  it('a portal notice lands on the complaint the clue came from as a message with no name and no disciplinary wording', async () => {
    const complaint = await intake(w, { named: true });
    const made = await w.as('discipline').post(`/api/complaints/${complaint.id}/clue`, {
      category: 'integrity', reportedPersonId: w.users.unitOfficer.personId, reportedOrgId: w.orgs.unitA, reportedLevel: 'section', summary: '公务接待无公函',
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, code } = made.json();
    expect((await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'accept' })).statusCode).toBe(200);
    const told = await w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'acceptance', toldOn: today(w.clock), method: 'portal', note: '' });
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json()).toMatchObject({ acceptanceNoticeOn: today(w.clock), disposal: { notices: [{ kind: 'acceptance', method: 'portal' }] } });

    const rows = await w.deps.db.selectFrom('complaint_message').selectAll().where('complaint_id', '=', complaint.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ author: 'handler', author_user_id: null, visibility: 'public' });
    const mine = await w.as(null).inject({ method: 'GET', url: '/api/portal/complaints/mine', headers: await reporterHeader(w, complaint.id) });
    expect(mine.statusCode, mine.body).toBe(200);
    const text = JSON.stringify(mine.json().messages);
    expect(text).toContain('受理');
    expect(text).not.toMatch(FORBIDDEN);
    expect(text).not.toContain(code);
    expect(text).not.toContain('discipline');
  });

  it('portal is refused for a clue that did not come from a complaint, and nothing is stored', async () => {
    const { id } = await acceptedClue(w);
    const res = await w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'acceptance', toldOn: today(w.clock), method: 'portal', note: '' });
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'method' } });
    expect(await w.deps.db.selectFrom('clue_reporter_contact').select('id').where('clue_id', '=', id).execute()).toEqual([]);
  });

  it('the letter names no disciplinary body, carries neither the clue number nor any name, and waits for 办结 before the result', async () => {
    const { id, code } = await acceptedClue(w);
    const res = await w.as('discipline').get(`/api/clues/${id}/notices/acceptance/letter`);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = res.json();
    expect(text).toContain('测试单位');
    expect(text).toContain('已依照有关规定受理');
    for (const leak of [code, REPORTER_NAME, 'unitOfficer', 'discipline']) expect(text).not.toContain(leak);
    expect(text).not.toMatch(FORBIDDEN);
    expect((await w.as('discipline').get(`/api/clues/${id}/notices/result/letter`)).json().error.code).toBe('STATE_INVALID');
    const english = await w.as('discipline').inject({ method: 'GET', url: `/api/clues/${id}/notices/acceptance/letter`, headers: { 'accept-language': 'en-US' } });
    expect(english.json().text).toMatch(/^Notice of acceptance/);
    const anonymous = await acceptedClue(w, { named: false });
    expect((await w.as('discipline').get(`/api/clues/${anonymous.id}/notices/acceptance/letter`)).json().error.code).toBe('STATE_INVALID');
  });

  it('records an objection and a check-in only after 办结, the check-in only for a reporter who asked for it', async () => {
    const id = await concluded(w);
    expect((await w.as('discipline').post(`/api/clues/${id}/objection`, { receivedOn: today(w.clock), content: '有异议' })).json().error.code).toBe('STATE_INVALID');
    await w.as('discipline').post(`/api/clues/${id}/close`, {});
    expect((await w.as('discipline').post(`/api/clues/${id}/checkins`, { doneOn: today(w.clock), note: '', retaliation: false })).json().error.code).toBe('STATE_INVALID');
    expect((await w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'acceptance', toldOn: today(w.clock), method: 'phone', note: '', retaliationCheckOptIn: true })).json().error.code).toBe('VALIDATION_FAILED');
    await w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'result', toldOn: today(w.clock), method: 'phone', note: '', retaliationCheckOptIn: true });
    const objection = await w.as('discipline').post(`/api/clues/${id}/objection`, { receivedOn: today(w.clock), content: '对处理结果有异议' });
    expect(objection.json().disposal.objections).toEqual([{ receivedOn: today(w.clock), content: '对处理结果有异议' }]);
    const checkin = await w.as('discipline').post(`/api/clues/${id}/checkins`, { doneOn: today(w.clock), note: '反映人称受到刁难', retaliation: true });
    expect(checkin.json().disposal.checkins).toEqual([{ doneOn: today(w.clock), note: '反映人称受到刁难', retaliation: true }]);
    const kinds = (await w.as('discipline').get(`/api/clues/${id}/steps`)).json().items.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['closed', 'notice_recorded', 'objection_recorded', 'checkin_recorded']));
  });
});

describe('quarterly 抽查 of endorsed replies', () => {
  it('draws 15 % (rounded up) of the caller’s undrawn replies of the quarter on the CSPRNG, signs a step on each considered clue and never considers a reply twice', async () => {
    const quarter = { year: 2026, quarter: 1 };
    await w.as('discipline').post('/api/clues/spot-checks/draw', quarter);
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await concluded(w));
    const hidden = await offList(w, await concluded(w));
    const draw = await w.as('discipline').post('/api/clues/spot-checks/draw', quarter);
    expect(draw.statusCode, draw.body).toBe(200);
    expect(draw.json()).toMatchObject({ year: 2026, quarter: 1, percent: 15, population: 7 });
    const drawn = draw.json().drawn.map((d: { id: string }) => d.id) as string[];
    expect(drawn).toHaveLength(2);
    expect(drawn.every((d) => ids.includes(d))).toBe(true);
    expect(drawn).not.toContain(hidden);
    for (const id of ids) {
      const steps = (await w.as('discipline').get(`/api/clues/${id}/steps`)).json().items.filter((s: { kind: string }) => s.kind === 'spot_check_drawn');
      expect(steps).toHaveLength(1);
      expect(steps[0].facts).toMatchObject({ year: 2026, quarter: 1, population: 7, selected: drawn.includes(id) });
    }
    expect((await w.as('discipline').post('/api/clues/spot-checks/draw', quarter)).json()).toMatchObject({ population: 0, drawn: [] });

    const notDrawn = ids.find((id) => !drawn.includes(id))!;
    expect((await w.as('discipline').get(`/api/clues/${notDrawn}`)).json().actions).not.toContain('spot_check');
    expect((await w.as('discipline').post(`/api/clues/${notDrawn}/spot-check`, { result: '核实', consistent: true })).json().error.code).toBe('STATE_INVALID');
    expect((await w.as('discipline').get(`/api/clues/${drawn[0]}`)).json().actions).toContain('spot_check');
    const checked = await w.as('discipline').post(`/api/clues/${drawn[0]}/spot-check`, { result: '抽查核实，说明与事实不符', consistent: false });
    expect(checked.json().disposal.talkInquiry.spotCheck).toMatchObject({ result: '抽查核实，说明与事实不符', consistent: false });
  });

  it('draws from the replies of the asked quarter only', async () => {
    expect((await w.as('discipline').post('/api/clues/spot-checks/draw', { year: 2026, quarter: 2 })).json()).toMatchObject({ population: 0 });
  });
});

describe('person discipline records', () => {
  it('show form, measure and dates only, to those whose scope reaches the person', async () => {
    const person = w.users.branchSecretary.personId!;
    const clueId = await concluded(w, { reportedPersonId: person });
    expect((await w.as('discipline').post(`/api/clues/${clueId}/outcome`, { form: 2, measure: 'party_warning', effectFrom: '2026-03-02', note: '' })).statusCode).toBe(200);
    const res = await w.as('secretary').get(`/api/people/${person}/discipline-records`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([{ id: expect.any(String), form: 2, measure: 'party_warning', effectFrom: '2026-03-02', effectUntil: '2027-03-02', recordedOn: today(w.clock) }]);
    expect(JSON.stringify(res.json())).not.toContain(clueId);
    expect((await w.as('unitOfficer').get(`/api/people/${person}/discipline-records`)).statusCode).toBe(404);
    expect((await w.as('staff').get(`/api/people/${person}/discipline-records`)).statusCode).toBe(403);
    expect((await w.as('secretary').get('/api/people/0190a0a0-0000-7000-8000-000000000000/discipline-records')).statusCode).toBe(404);
  });
});
