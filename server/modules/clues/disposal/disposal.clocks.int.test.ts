import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../platform/clock/clock.js';
import { cronTick, runDueJobs } from '../../../platform/jobs/scheduler.js';
import { moduleJobs } from '../../index.js';
import { createWorld, type World } from '../../../test/world.js';
import { remindClueClocks } from './disposal.jobs.js';
import { acceptedClue, advance } from './disposal.fixtures.js';

/**
 * The clocks through the API on the tenant's calendar. National data for 2026 (Mid-Autumn off Fri 09-25, National
 * Day off 10-01 … 10-07, make-up Sun 09-20 and Sat 10-10); Spring Festival 2027 is not in the national data yet,
 * so it is entered as the administrator does: off Mon 02-08 … Fri 02-12, make-up Sat 02-20.
 */
const clock = new FakeClock('2026-09-24T09:00:00+08:00');
let w: World;
beforeAll(async () => {
  w = await createWorld({ clock });
  // The test walks the clock over half a year; the fixture passwords would expire on the way.
  await w.deps.db.insertInto('setting').values({ tenant_id: w.tenantId, key: 'security.password.expiryDays', value: '0', updated_at: '2026-09-24T09:00:00.000+08:00', updated_by: null }).execute();
  for (const d of ['08', '09', '10', '11', '12']) await w.as('sysadmin').put(`/api/calendar/overrides/2027-02-${d}`, { kind: 'holiday', note: '春节' });
  await w.as('sysadmin').put('/api/calendar/overrides/2027-02-20', { kind: 'workday', note: '春节调休' });
});
afterAll(async () => w.close());

const at = (date: string) => clock.set(`${date}T09:00:00+08:00`);
const clueClock = async (id: string, kind: string) => ((await w.as('discipline').get(`/api/clues/${id}`)).json().clocks as { kind: string }[]).find((c) => c.kind === kind);
const post = async (url: string, body: unknown, user: 'discipline' | 'secretary' = 'discipline') => {
  const res = await w.as(user).post(url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const reminders = (clueCode: string) =>
  w.deps.db.selectFrom('notification').select(['user_id', 'kind', 'params', 'link']).where('tenant_id', '=', w.tenantId).where('kind', 'like', 'clue.%').execute()
    .then((rows) => rows.filter((r) => (JSON.parse(r.params) as { code: string }).code === clueCode).map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string> })));

describe('the 15 + 15 promise to a named reporter', () => {
  it('acceptance notice due 15 working days after a receipt just before Mid-Autumn and National Day; result notice 15 after a 办结 just before Spring Festival 2027', async () => {
    at('2026-09-24');
    const { id, code } = await acceptedClue(w, { receivedOn: '2026-09-24' });
    expect(await clueClock(id, 'acceptance_notice')).toEqual({ kind: 'acceptance_notice', due: '2026-10-22', doneOn: null, colour: null });

    at('2026-10-21');
    expect((await clueClock(id, 'acceptance_notice'))).toMatchObject({ colour: 'yellow' });
    expect(await remindClueClocks(w.deps, w.tenantId)).toBeGreaterThan(0);
    expect(await remindClueClocks(w.deps, w.tenantId)).toBe(0);
    const due = await reminders(code);
    expect(due).toEqual([{ user_id: w.users.discipline.id, kind: 'clue.due.acceptance_notice', params: { code, due: '2026-10-22' }, link: `/clues/${id}` }]);

    at('2026-10-23');
    await remindClueClocks(w.deps, w.tenantId);
    expect((await reminders(code)).map((r) => r.kind)).toEqual(['clue.due.acceptance_notice', 'clue.overdue.acceptance_notice']);
    const told = await post(`/api/clues/${id}/notices`, { kind: 'acceptance', toldOn: '2026-10-23', method: 'letter', note: '挂号信' });
    expect(told.acceptanceNoticeOn).toBe('2026-10-23');
    expect(told.clocks).toContainEqual({ kind: 'acceptance_notice', due: '2026-10-22', doneOn: '2026-10-23', colour: 'red' });

    await advance(w, id, 'close');
    await post(`/api/clues/${id}/close-no-action`, { reason: 'false', note: '经了解反映不实' });
    at('2027-02-03');
    const closed = await post(`/api/clues/${id}/close`, {});
    expect(closed.clocks).toContainEqual({ kind: 'result_notice', due: '2027-03-02', doneOn: null, colour: null });
    at('2027-03-02');
    const result = await post(`/api/clues/${id}/notices`, { kind: 'result', toldOn: '2027-03-02', method: 'phone', note: '' });
    expect(result.clocks).toContainEqual({ kind: 'result_notice', due: '2027-03-02', doneOn: '2027-03-02', colour: null });
  });

  it('runs no acceptance notice for an anonymous clue and refuses to record one', async () => {
    at('2026-09-24');
    const { id } = await acceptedClue(w, { named: false, receivedOn: '2026-09-24' });
    expect(await clueClock(id, 'acceptance_notice')).toBeUndefined();
    expect((await w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'acceptance', toldOn: '2026-09-24', method: 'phone', note: '' })).json().error.code).toBe('STATE_INVALID');
  });
});

describe('clocks of each disposal method', () => {
  it('谈话函询: the endorsed reply is due 15 working days after the letter, across National Day', async () => {
    at('2026-09-18');
    const { id, code } = await acceptedClue(w, { named: false, receivedOn: '2026-09-18' });
    await advance(w, id, 'talk_inquiry');
    await post(`/api/clues/${id}/talk-inquiry/plan`, { mode: 'letter', plannedOn: '2026-09-18', note: '函询' });
    const sent = await post(`/api/clues/${id}/talk-inquiry/letter`, { sentOn: '2026-09-18' });
    expect(sent.clocks).toContainEqual({ kind: 'reply', due: '2026-10-15', doneOn: null, colour: null });
    expect(sent.nextClock).toMatchObject({ kind: 'reply', due: '2026-10-15' });
    expect(sent.disposal.talkInquiry.replyDue).toBe('2026-10-15');
    at('2026-10-16');
    await remindClueClocks(w.deps, w.tenantId);
    expect((await reminders(code)).map((r) => r.kind)).toEqual(['clue.overdue.reply']);
    const replied = await post(`/api/clues/${id}/talk-inquiry/reply`, { receivedOn: '2026-10-16', content: '书面说明', endorsedBy: '所长', endorsedOn: '2026-10-16' });
    expect(replied.clocks).toContainEqual({ kind: 'reply', due: '2026-10-15', doneOn: '2026-10-16', colour: 'red' });
    expect(replied.nextClock).toBeNull();
  });

  it('初步核实: 30 working days from the plan by default, moved by an extension with its reason', async () => {
    at('2026-09-01');
    const { id } = await acceptedClue(w, { named: false, receivedOn: '2026-09-01' });
    await advance(w, id, 'preliminary_check');
    const planned = await post(`/api/clues/${id}/preliminary-check/plan`, { plan: '调取账目' });
    expect(planned.disposal.preliminaryCheck.deadline).toBe('2026-10-19');
    expect(planned.clocks).toContainEqual({ kind: 'preliminary_check', due: '2026-10-19', doneOn: null, colour: null });
    at('2026-10-16');
    const extended = await post(`/api/clues/${id}/preliminary-check/extension`, { newDeadline: '2026-11-30', reason: '需外调' });
    expect(extended.clocks).toContainEqual({ kind: 'preliminary_check', due: '2026-11-30', doneOn: null, colour: null });
    expect(extended.disposal.preliminaryCheck.extensions).toEqual([{ newDeadline: '2026-11-30', reason: '需外调', at: expect.any(String) }]);
    expect((await w.as('discipline').post(`/api/clues/${id}/preliminary-check/extension`, { newDeadline: '2026-11-01', reason: '倒退' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await w.as('discipline').post(`/api/clues/${id}/preliminary-check/report`, { report: '报告' })).json().error.code).toBe('STATE_INVALID');
    await post(`/api/clues/${id}/preliminary-check/findings`, { findings: '发现问题' });
    const reported = await post(`/api/clues/${id}/preliminary-check/report`, { report: '初核报告' });
    expect(reported).toMatchObject({ status: 'concluded' });
    expect(reported.clocks).toContainEqual({ kind: 'preliminary_check', due: '2026-11-30', doneOn: '2026-10-16', colour: null });
  });

  it('暂存待查: the review date comes back to the owner as a task; the review returns the clue to accepted', async () => {
    at('2026-09-24');
    const { id, code } = await acceptedClue(w, { named: false, receivedOn: '2026-09-24' });
    await advance(w, id, 'shelve');
    const shelved = await post(`/api/clues/${id}/shelve`, { reason: '条件暂不具备', reviewOn: '2026-10-09' });
    expect(shelved).toMatchObject({ status: 'shelved', nextClock: { kind: 'shelve_review', due: '2026-10-09' } });
    at('2026-09-29');
    await remindClueClocks(w.deps, w.tenantId);
    expect(await reminders(code)).toEqual([]);
    // From 09-30 to 10-09 National Day leaves only 10-08 and 10-09 as working days: within the two days' warning.
    at('2026-09-30');
    await remindClueClocks(w.deps, w.tenantId);
    expect((await reminders(code)).map((r) => [r.kind, r.params.due])).toEqual([['clue.due.shelve_review', '2026-10-09']]);
    const reviewed = await post(`/api/clues/${id}/review`, { note: '条件具备' });
    expect(reviewed).toMatchObject({ status: 'accepted', method: null });
    expect(reviewed.clocks).toContainEqual({ kind: 'shelve_review', due: '2026-10-09', doneOn: '2026-09-30', colour: null });
    expect(reviewed.actions).toContain('propose');
  });

  it('予以了结 and transfer start no clock of their own; the result notice runs from 办结 and the check-in 90 calendar days after it, for a reporter who asked', async () => {
    at('2026-09-24');
    const { id } = await acceptedClue(w, { receivedOn: '2026-09-24' });
    await advance(w, id, 'transfer');
    const transferred = await post(`/api/clues/${id}/transfer`, { recipient: '审查调查室', note: '' });
    expect(transferred.clocks.map((c: { kind: string }) => c.kind)).toEqual(['acceptance_notice']);
    await post(`/api/clues/${id}/close`, {});
    const told = await post(`/api/clues/${id}/notices`, { kind: 'result', toldOn: '2026-09-24', method: 'in_person', note: '', retaliationCheckOptIn: true });
    expect(told.clocks).toContainEqual({ kind: 'retaliation_checkin', due: '2026-12-23', doneOn: null, colour: null });
    const letter = (await w.as('discipline').get(`/api/clues/${id}/notices/result/letter`)).json();
    expect(letter.text).toContain('移交有权机关');
    at('2026-12-22');
    const checked = await post(`/api/clues/${id}/checkins`, { doneOn: '2026-12-22', note: '未发现打击报复', retaliation: false });
    expect(checked.clocks).toContainEqual({ kind: 'retaliation_checkin', due: '2026-12-23', doneOn: '2026-12-22', colour: null });
  });

  it('forward up: a clue still awaiting its scope decision is due within 5 working days of receipt', async () => {
    at('2026-09-30');
    const res = await w.as('discipline').post('/api/clues', {
      source: 'phone', named: false, reportedName: '某人', reportedOrgId: w.orgs.unitA, reportedLevel: 'below', category: 'work', summary: '电话反映', content: '电话反映的内容', receivedOn: '2026-09-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await clueClock(res.json().id, 'forward_up')).toEqual({ kind: 'forward_up', due: '2026-10-13', doneOn: null, colour: null });
  });

  it('tells nobody on a non-working day, nor an owner who has since become recused', async () => {
    at('2026-10-16');
    const { code } = await acceptedClue(w, { receivedOn: '2026-09-24' });
    at('2026-10-17');
    expect(await remindClueClocks(w.deps, w.tenantId)).toBe(0);
    // discipline joins 闸站管理所, the reported org: recused from the clue, so no longer its reminders' reader.
    const person = w.users.discipline.personId!;
    await w.deps.db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: person, org_id: w.orgs.unitA, is_primary: 0 }).execute();
    at('2026-10-20');
    await remindClueClocks(w.deps, w.tenantId);
    expect(await reminders(code)).toEqual([]);
    await w.deps.db.deleteFrom('person_org').where('tenant_id', '=', w.tenantId).where('person_id', '=', person).where('org_id', '=', w.orgs.unitA).execute();
    await remindClueClocks(w.deps, w.tenantId);
    expect((await reminders(code)).map((r) => r.kind)).toEqual(['clue.due.acceptance_notice']);
  });

  it('the daily job is registered and runs once per tenant at its slot', async () => {
    at('2026-10-12');
    clock.set('2026-10-12T08:20:00+08:00');
    expect(await cronTick(w.deps, moduleJobs)).toBeGreaterThan(0);
    expect(await runDueJobs(w.deps, moduleJobs)).toBeGreaterThan(0);
    const job = await w.deps.db.selectFrom('job').select(['status']).where('kind', '=', 'clues.clock_reminders').execute();
    expect(job.map((j) => j.status)).toEqual(['done']);
  });
});
