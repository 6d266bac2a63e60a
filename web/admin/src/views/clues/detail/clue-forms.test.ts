import { describe, expect, it } from 'vitest';
import type { Clue } from '../../../api/clues';
import { formSpecs, initialValues, requestBody, validate, visibleFields, type FormValues } from './clue-forms';

const clue = { acceptanceNoticeOn: null, status: 'accepted' } as Clue;
const start = (action: keyof typeof formSpecs, over: FormValues = {}) => ({ ...initialValues(formSpecs[action], clue, '2026-03-02'), ...over });
const errors = (action: keyof typeof formSpecs, v: FormValues) => Object.fromEntries(Object.entries(validate(formSpecs[action], v)).map(([k, e]) => [k, e.key]));

describe('clue step forms', () => {
  it('scope: a refusal needs its reason, a forward its recipient, a repeat its original clue', () => {
    expect(errors('scope', start('scope'))).toEqual({});
    expect(errors('scope', start('scope', { decision: 'not_accept' }))).toEqual({ reason: 'clue-detail.form.required' });
    expect(errors('scope', start('scope', { decision: 'forward_up' }))).toEqual({ recipient: 'clue-detail.form.required' });
    expect(errors('scope', start('scope', { decision: 'repeat' }))).toEqual({ originalId: 'clue-detail.form.required' });
    expect(visibleFields(formSpecs.scope, start('scope')).map((f) => f.name)).toEqual(['decision', 'reason']);
  });

  it('scope: sends only what the decision takes, leaving an empty optional reason out', () => {
    expect(requestBody(formSpecs.scope, start('scope', { recipient: '市纪委', reason: '  ' }))).toEqual({ decision: 'accept' });
    expect(requestBody(formSpecs.scope, start('scope', { decision: 'forward_down', recipient: ' 第一党支部 ' }))).toEqual({ decision: 'forward_down', recipient: '第一党支部' });
  });

  it('talk: two different interviewers and the interviewee’s signature', () => {
    const one = start('talk', { place: '会议室', record: '谈话内容', interviewers: [{ accountId: 'a', opinion: '' }, { accountId: null, opinion: '' }] });
    expect(errors('talk', one)).toEqual({ interviewers: 'clue-detail.form.minAccounts', intervieweeSigned: 'clue-detail.form.mustTick' });
    const same = { ...one, interviewers: [{ accountId: 'a', opinion: '' }, { accountId: 'a', opinion: '' }], intervieweeSigned: true };
    expect(errors('talk', same)).toEqual({ interviewers: 'clue-detail.form.duplicateAccount' });
    const ok = { ...same, interviewers: [{ accountId: 'a', opinion: '' }, { accountId: 'b', opinion: '' }] };
    expect(requestBody(formSpecs.talk, ok)).toEqual({ heldOn: '2026-03-02', place: '会议室', interviewers: ['a', 'b'], record: '谈话内容', intervieweeSigned: true });
  });

  it('study: attendees as ids and only the opinions given', () => {
    const v = start('study', { conclusion: '同意谈话函询', attendees: [{ accountId: 'a', opinion: ' 同意 ' }, { accountId: 'b', opinion: '' }] });
    expect(errors('study', v)).toEqual({});
    expect(requestBody(formSpecs.study, v)).toEqual({ meetingOn: '2026-03-02', conclusion: '同意谈话函询', attendees: ['a', 'b'], opinions: [{ accountId: 'a', opinion: '同意' }] });
  });

  it('approval: a refusal needs a note; a text with markup or a short field with a quote is refused as the server would', () => {
    expect(errors('approve', start('approve', { approve: false }))).toEqual({ note: 'clue-detail.form.required' });
    expect(requestBody(formSpecs.approve, start('approve'))).toEqual({ approve: true, note: '' });
    expect(errors('approve', start('approve', { note: '<b>同意</b>' }))).toEqual({ note: 'clue-detail.form.textFree' });
    expect(errors('transfer', start('transfer', { recipient: '市"纪委' }))).toEqual({ recipient: 'clue-detail.form.textShort' });
  });

  it('notice: the acceptance notice first, the retaliation check-in asked only with the result', () => {
    expect(start('notice').kind).toBe('acceptance');
    expect(initialValues(formSpecs.notice, { ...clue, acceptanceNoticeOn: '2026-03-01' } as Clue, '2026-03-02').kind).toBe('result');
    expect(requestBody(formSpecs.notice, start('notice'))).toEqual({ kind: 'acceptance', toldOn: '2026-03-02', method: 'phone', note: '' });
    expect(requestBody(formSpecs.notice, start('notice', { kind: 'result', retaliationCheckOptIn: true }))).toMatchObject({ kind: 'result', retaliationCheckOptIn: true });
  });
});
