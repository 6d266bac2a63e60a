import { describe, expect, it } from 'vitest';
import type { ComplaintExtensionItem } from '../../api/complaints';
import { headerButtons } from './complaint-actions';

const ext = (status: ComplaintExtensionItem['status']): ComplaintExtensionItem => ({ id: 'x', days: 3, reason: 'r', status, requestedAt: '2026-01-05T09:00:00+08:00', decidedAt: null });

describe('complaint header buttons', () => {
  it('offer only what the server allows, main step first and 不予受理 last', () => {
    const b = headerButtons(['reject', 'link', 'assign', 'note', 'message'], { extensionList: [] });
    expect(b.map((x) => x.test)).toEqual(['complaint-action-assign', 'complaint-action-link', 'complaint-action-reject']);
  });

  it('offer nothing for actions they do not know', () => {
    expect(headerButtons(['teleport'], { extensionList: [] })).toEqual([]);
  });

  it('ask for an extension only while none waits, and decide only when one does', () => {
    const both = ['request_extension', 'decide_extension'];
    expect(headerButtons(both, { extensionList: [ext('approved')] }).map((x) => x.opens)).toEqual(['request_extension']);
    expect(headerButtons(both, { extensionList: [ext('approved'), ext('requested')] }).map((x) => x.opens)).toEqual(['decide_extension']);
  });

  it('label each button from the complaint namespace', () => {
    expect(headerButtons(['answer'], { extensionList: [] })[0]).toEqual({ opens: 'answer', labelKey: 'complaints.actions.answer', type: 'primary', plain: false, test: 'complaint-action-answer' });
  });
});
