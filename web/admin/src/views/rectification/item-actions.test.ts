import { describe, expect, it } from 'vitest';
import type { RectificationExtension } from '../../api/types';
import { dialogSpecs, headerButtons, submitBlockers } from './item-actions';

const ext = (status: RectificationExtension['status'], mine = false): RectificationExtension => ({
  id: '0190a5a0-0000-7000-8000-000000000001', days: 5, reason: '汛期施工受限', status, requestedBy: '王五', mine, requestedAt: '2026-03-02T09:00:00+08:00',
  decidedBy: null, decidedAt: null, decisionNote: '',
});
const tests = (actions: string[], extensionList: RectificationExtension[] = []) => headerButtons(actions, { extensionList }).map((b) => b.test);

describe('headerButtons', () => {
  it('shows exactly the actions the server lists, main step first, and none for `work`', () => {
    expect(tests(['edit', 'add_measure', 'start', 'work', 'submit', 'request_extension'])).toEqual([
      'rectification-action-start', 'rectification-action-submit', 'rectification-action-request_extension', 'rectification-action-add_measure', 'rectification-action-edit',
    ]);
    expect(tests(['work'])).toEqual([]);
    expect(tests([])).toEqual([]);
  });

  it('splits verification into pass and return', () => {
    const buttons = headerButtons(['verify'], { extensionList: [] });
    expect(buttons.map((b) => [b.test, b.opens])).toEqual([['verify-pass', 'verifyPass'], ['verify-return', 'verifyReturn']]);
  });

  it('offers a decision only while a request waits, and a new request only while none does', () => {
    const both = ['request_extension', 'approve_extension'];
    expect(tests(both)).toEqual(['rectification-action-request_extension']);
    expect(tests(both, [ext('requested')])).toEqual(['rectification-action-approve_extension']);
    expect(tests(both, [ext('rejected'), ext('approved')])).toEqual(['rectification-action-request_extension']);
  });

  it('never offers the decision on the caller\'s own request', () => {
    expect(tests(['approve_extension', 'request_extension'], [ext('requested', true)])).toEqual([]);
  });

  it('gives the closed item only 回头看', () => {
    expect(headerButtons(['reopen'], { extensionList: [] })).toEqual([{ opens: 'reopen', labelKey: 'rectification.actions.reopen', type: 'danger', test: 'rectification-action-reopen' }]);
  });

  it('ignores action names it does not know', () => {
    expect(tests(['delete', 'verify_own'])).toEqual([]);
  });
});

describe('dialogSpecs', () => {
  it('asks for a reason where the API requires one and for days where a deadline is set', () => {
    const needNote = Object.entries(dialogSpecs).filter(([, s]) => s.noteRequired).map(([k]) => k).sort();
    expect(needNote).toEqual(['reopen', 'requestExtension', 'verifyReturn']);
    expect(dialogSpecs.reopen.maxDays).toBe(365);
    expect(dialogSpecs.requestExtension.maxDays).toBe(180);
    expect(dialogSpecs.verifyPass.maxDays).toBeUndefined();
  });

  it('makes closing, returning and reopening a confirmed step', () => {
    expect(Object.entries(dialogSpecs).filter(([, s]) => s.warn).map(([k]) => k).sort()).toEqual(['reopen', 'verifyPass', 'verifyReturn']);
  });
});

describe('submitBlockers', () => {
  const ev = [{ id: 'e', attachmentId: 'a', name: '整改照片.jpg', mime: 'image/jpeg', size: 1000, note: '', createdAt: '2026-03-02T09:00:00+08:00' }];
  it('names every measure that is open or has no evidence', () => {
    expect(
      submitBlockers([
        { seq: 1, status: 'done', evidence: ev },
        { seq: 2, status: 'done', evidence: [] },
        { seq: 3, status: 'open', evidence: ev },
      ]),
    ).toEqual([2, 3]);
    expect(submitBlockers([{ seq: 1, status: 'done', evidence: ev }])).toEqual([]);
  });
});
