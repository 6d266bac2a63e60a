import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../platform/clock/clock.js';
import { createWorld, type World } from '../../../test/world.js';
import { REPORTER_NAME, acceptedClue, advance, concludedByLetter, secondOfficer } from './disposal.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const post = (user: 'discipline' | 'secretary' | 'staff', url: string, body: unknown) => w.as(user).post(url, body);
const steps = async (id: string) => (await w.as('discipline').get(`/api/clues/${id}/steps`)).json().items.map((s: { kind: string }) => s.kind) as string[];
const auditOf = async (res: { headers: Record<string, unknown> }) =>
  w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();

describe('proposal, collective study and approval', () => {
  it('runs proposal → study → approval, each a signed step and one audit record under the pseudonym with no details', async () => {
    const { id, code } = await acceptedClue(w);
    const proposed = await post('discipline', `/api/clues/${id}/proposal`, { method: 'talk_inquiry', reason: '反映问题较笼统，拟谈话函询' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'proposed', disposal: { proposal: { method: 'talk_inquiry', reason: '反映问题较笼统，拟谈话函询' } } });
    const audit = await auditOf(proposed);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'clue.propose', object_type: 'clue', details: '{}' });
    expect(audit[0]!.object_id).not.toBe(id);
    expect(JSON.stringify(audit[0])).not.toContain(code);

    const studied = await post('discipline', `/api/clues/${id}/study`, {
      meetingOn: today(w.clock), attendees: [w.users.discipline.id, w.users.secretary.id],
      opinions: [{ accountId: w.users.discipline.id, opinion: '同意函询' }], conclusion: '同意谈话函询',
    });
    expect(studied.statusCode, studied.body).toBe(200);
    expect(studied.json().disposal.study).toMatchObject({ attendees: [{ id: w.users.discipline.id }, { id: w.users.secretary.id }], opinions: [{ opinion: '同意函询' }], conclusion: '同意谈话函询' });
    expect(studied.json().actions).not.toContain('approve');
    expect((await w.as('secretary').get(`/api/clues/${id}`)).json().actions).toContain('approve');

    expect((await post('discipline', `/api/clues/${id}/approval`, { approve: true, note: '' })).statusCode).toBe(403);
    const approved = await post('secretary', `/api/clues/${id}/approval`, { approve: true, note: '同意', higherBody: '上级纪委' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', disposal: { approvals: [{ approve: true, higherBody: '上级纪委', by: { id: w.users.secretary.id } }] } });
    expect(await steps(id)).toEqual(expect.arrayContaining(['proposed', 'studied', 'approved']));
    expect((await w.as('discipline').get(`/api/clues/${id}/steps/verify`)).json()).toMatchObject({ ok: true });
  });

  it('a refusal returns the clue to accepted for a new proposal', async () => {
    const { id } = await acceptedClue(w);
    await advance(w, id, 'close', 'studied');
    const refused = await post('secretary', `/api/clues/${id}/approval`, { approve: false, note: '证据不足，重新研究' });
    expect(refused.json()).toMatchObject({ status: 'accepted' });
    expect(refused.json().actions).toEqual([]);
    expect((await w.as('discipline').get(`/api/clues/${id}`)).json().actions).toContain('propose');
    expect(await steps(id)).toContain('refused');
  });

  it('refuses a study attendee off the list, an opinion from someone absent, and a step out of order', async () => {
    const { id } = await acceptedClue(w);
    expect((await post('discipline', `/api/clues/${id}/study`, { meetingOn: today(w.clock), attendees: [w.users.discipline.id], opinions: [], conclusion: '同意' })).json().error.code).toBe('STATE_INVALID');
    await advance(w, id, 'close', 'proposed');
    const offList = await post('discipline', `/api/clues/${id}/study`, { meetingOn: today(w.clock), attendees: [w.users.staff.id], opinions: [], conclusion: '同意' });
    expect(offList.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'attendees' } });
    const absent = await post('discipline', `/api/clues/${id}/study`, { meetingOn: today(w.clock), attendees: [w.users.discipline.id], opinions: [{ accountId: w.users.secretary.id, opinion: '同意' }], conclusion: '同意' });
    expect(absent.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'opinions' } });
  });

  it('answers 404 to an approver taken off the list', async () => {
    const { id } = await acceptedClue(w);
    await advance(w, id, 'close', 'studied');
    const entry = (await w.as('discipline').get(`/api/clues/${id}/access`)).json().items.find((e: { role: string }) => e.role === 'approver');
    expect((await w.as('discipline').delete(`/api/clues/${id}/access/${entry.id}`)).statusCode).toBe(200);
    expect((await post('secretary', `/api/clues/${id}/approval`, { approve: true, note: '' })).statusCode).toBe(404);
  });
});

describe('谈话函询', () => {
  it('talk with two listed interviewers and the interviewee signature, endorsed reply, outcome form 1 with a rectification item, 办结', async () => {
    const { id, code } = await acceptedClue(w);
    await advance(w, id, 'talk_inquiry');
    const day = today(w.clock);
    const jijian2 = await secondOfficer(w);
    expect((await post('discipline', `/api/clues/${id}/talk-inquiry/plan`, { mode: 'talk', plannedOn: day, note: '谈话方案' })).json()).toMatchObject({ status: 'in_disposal', method: 'talk_inquiry' });
    const offList = await post('discipline', `/api/clues/${id}/talk-inquiry/talk`, { heldOn: day, place: '谈话室', interviewers: [w.users.discipline.id, jijian2], intervieweeSigned: true, record: '谈话记录' });
    expect(offList.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'interviewers' } });
    expect((await post('discipline', `/api/clues/${id}/access`, { accountId: jijian2, role: 'handler' })).statusCode).toBeLessThan(300);
    const talk = await post('discipline', `/api/clues/${id}/talk-inquiry/talk`, { heldOn: day, place: '谈话室', interviewers: [w.users.discipline.id, jijian2], intervieweeSigned: true, record: '谈话记录' });
    expect(talk.statusCode, talk.body).toBe(200);
    expect(talk.json().clocks).toContainEqual(expect.objectContaining({ kind: 'reply', doneOn: null }));
    const reply = await post('discipline', `/api/clues/${id}/talk-inquiry/reply`, { receivedOn: day, content: '本人书面说明', endorsedBy: '闸站管理所所长', endorsedOn: day });
    expect(reply.json()).toMatchObject({ status: 'concluded', disposal: { talkInquiry: { reply: { endorsedBy: '闸站管理所所长' } } } });

    const badMeasure = await post('discipline', `/api/clues/${id}/outcome`, { form: 1, measure: 'party_warning', note: '' });
    expect(badMeasure.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'measure' } });
    const leaky = await post('discipline', `/api/clues/${id}/outcome`, { form: 1, measure: 'talk_reminder', note: '', rectification: { title: `${code}整改`, problem: '补贴发放不规范', orgId: w.orgs.unitA, ownerId: w.users.unitOfficer.personId, days: 20 } });
    expect(leaky.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'rectification' } });
    const naming = await post('discipline', `/api/clues/${id}/outcome`, { form: 1, measure: 'talk_reminder', note: '', rectification: { title: '补贴发放整改', problem: `${REPORTER_NAME}反映的问题`, orgId: w.orgs.unitA, ownerId: w.users.unitOfficer.personId, days: 20 } });
    expect(naming.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'rectification' } });

    const outcome = await post('discipline', `/api/clues/${id}/outcome`, { form: 1, measure: 'talk_reminder', note: '谈话提醒', rectification: { title: '补贴发放整改', problem: '补贴发放程序不规范', orgId: w.orgs.unitA, ownerId: w.users.unitOfficer.personId, days: 20 } });
    expect(outcome.statusCode, outcome.body).toBe(200);
    const rect = outcome.json().disposal.outcome.rectification;
    expect(outcome.json()).toMatchObject({ status: 'outcome_recorded', form: 1, measure: 'talk_reminder', disposal: { outcome: { form: 1, measure: 'talk_reminder', effectFrom: null, effectUntil: null } } });
    const item = await w.deps.db.selectFrom('rectification_item').selectAll().where('id', '=', rect.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ source_type: 'clue_outcome', code: rect.code, owner_person_id: w.users.unitOfficer.personId });
    expect(item.source_id).not.toBe(id);
    expect(JSON.stringify(item)).not.toContain(code);

    const records = await w.as('orgOfficer').get(`/api/people/${w.users.unitOfficer.personId}/discipline-records`);
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json().items).toEqual([{ id: expect.any(String), form: 1, measure: 'talk_reminder', effectFrom: null, effectUntil: null, recordedOn: today(w.clock) }]);

    const closed = await post('discipline', `/api/clues/${id}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: today(w.clock) });
    expect(closed.json().clocks).toContainEqual(expect.objectContaining({ kind: 'result_notice', doneOn: null }));
  });

  it('警告 and 严重警告 run their 12- and 18-month effect periods from the given day, to the month end where shorter', async () => {
    const { id } = await acceptedClue(w);
    await concludedByLetter(w, id);
    const res = await post('discipline', `/api/clues/${id}/outcome`, { form: 2, measure: 'party_warning', effectFrom: '2026-08-31', note: '' });
    expect(res.json().disposal.outcome).toMatchObject({ effectFrom: '2026-08-31', effectUntil: '2027-08-31' });
    const serious = await acceptedClue(w);
    await concludedByLetter(w, serious.id);
    const p = await post('discipline', `/api/clues/${serious.id}/outcome`, { form: 2, measure: 'party_serious_warning', effectFrom: '2026-08-31', note: '' });
    expect(p.json().disposal.outcome).toMatchObject({ effectUntil: '2028-02-29' });
  });
});

describe('measure catalogue for the outcome form', () => {
  it('gives 纪检 the tenant’s configured measures, including one the 系统管理员 added', async () => {
    const before = (await w.as('discipline').get('/api/clues/measures')).json();
    expect(before['1'].map((m: { code: string }) => m.code)).toContain('talk_reminder');
    const added = { ...before, '1': [...before['1'], { code: 'integrity_letter', effectMonths: 0, name: '廉政提醒函' }] };
    expect((await w.as('sysadmin').put('/api/settings/system.clue.outcomeMeasures', { value: added })).statusCode).toBe(200);
    const after = (await w.as('discipline').get('/api/clues/measures')).json();
    expect(after['1'].at(-1)).toEqual({ code: 'integrity_letter', effectMonths: 0, name: '廉政提醒函' });
    expect((await w.as('staff').get('/api/clues/measures')).statusCode).toBe(403);
  });
});
