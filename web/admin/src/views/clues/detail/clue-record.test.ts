import { describe, expect, it } from 'vitest';
import type { Clue, ClueDisposal } from '../../../api/clues';
import { recordSections } from './clue-record';

const t = (k: string, p?: Record<string, unknown>) => (p ? `${k}${JSON.stringify(p)}` : k);
const by = { id: '0190a5a0-0000-7000-8000-0000000000a1', name: '曹宇飞' };
const none: ClueDisposal = {
  proposal: null, study: null, approvals: [], talkInquiry: null, preliminaryCheck: null, shelve: null, closeNoAction: null, transfer: null, outcome: null, notices: [], objections: [], checkins: [],
};
const clue = (disposal: ClueDisposal | null, scope: Clue['scope'] = null) => ({ scope, disposal }) as Clue;
const keys = (c: Clue) => recordSections(c, t, (m) => `measure:${m}`).map((s) => (s.n ? `${s.key}#${s.n}` : s.key));

describe('clue record sections', () => {
  it('leaves out every part that has not happened', () => {
    expect(keys(clue(null))).toEqual([]);
    expect(keys(clue(none))).toEqual([]);
    const scope = { decision: 'accept', decidedOn: '2026-11-27', decidedBy: by, reason: null, recipient: null, ackDue: null, acknowledgedOn: null, ackNote: null } as const;
    expect(recordSections(clue(null, scope), t, String)[0]!.rows.map((r) => r.label)).toEqual(['decision', 'decidedOn', 'decidedBy']);
  });

  it('keeps the order of the handling and numbers repeated parts', () => {
    const d: ClueDisposal = {
      ...none,
      approvals: [{ approve: false, note: '再研究', higherBody: null, by, at: '2026-11-27T09:00:00+08:00' }, { approve: true, note: '', higherBody: null, by, at: '2026-11-28T09:00:00+08:00' }],
      outcome: { form: 1, measure: 'talk_reminder', effectFrom: null, effectUntil: null, note: '', rectification: { id: '0190a5a0-0000-7000-8000-0000000000f1', code: 'ZG-2026-0001' }, at: '2026-11-29T09:00:00+08:00' },
      notices: [
        { kind: 'acceptance', toldOn: '2026-11-27', method: 'phone', note: '', retaliationCheckOptIn: false },
        { kind: 'result', toldOn: '2026-12-01', method: 'letter', note: '', retaliationCheckOptIn: true },
      ],
    };
    expect(keys(clue(d))).toEqual(['approval#1', 'approval#2', 'outcome', 'notice#1', 'notice#2']);
    const sections = recordSections(clue(d), t, (m) => `measure:${m}`);
    expect(sections[0]!.rows.map((r) => [r.label, r.text])).toContainEqual(['approvedBy', '曹宇飞']);
    expect(sections[2]!.rows).toContainEqual({ label: 'measure', text: 'measure:talk_reminder', long: false });
    expect(sections[2]!.rows).toContainEqual({ label: 'rectification', text: 'ZG-2026-0001', rectificationId: '0190a5a0-0000-7000-8000-0000000000f1' });
    expect(sections[3]!.rows.map((r) => r.label)).not.toContain('optIn');
    expect(sections[4]!.rows.map((r) => r.label)).toContain('optIn');
  });
});
