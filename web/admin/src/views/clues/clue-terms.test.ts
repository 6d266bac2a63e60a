import { describe, expect, it } from 'vitest';
import { clueStatuses } from '../../../../../contracts/clues';
import { clockMark, ledgerColumns, noticeState, statusTag } from './clue-terms';

describe('clue terms', () => {
  it('give every contract status a tag colour', () => {
    expect(Object.keys(statusTag).sort()).toEqual([...clueStatuses].sort());
  });

  it('keep the reporter out of every ledger: only 实名/匿名 is a column', () => {
    const all = Object.values(ledgerColumns).flat();
    expect(all.filter((c) => /reporter/i.test(c))).toEqual([]);
    expect(ledgerColumns.intake).toContain('named');
  });

  it('colour a clock: done ones stop, uncoloured open ones are on time, the server colour otherwise', () => {
    const c = { kind: 'acceptance_notice' as const, due: '2026-12-01', doneOn: null, colour: null };
    expect(clockMark(c).colour).toBe('ok');
    expect(clockMark({ ...c, colour: 'red' }).colour).toBe('red');
    expect(clockMark({ ...c, colour: 'red', doneOn: '2026-11-30' }).colour).toBe('none');
  });

  it('owe an anonymous reporter nothing and show a named one both notices', () => {
    expect(noticeState({ named: false, acceptanceNoticeOn: null, resultNoticeOn: null })).toEqual([{ key: 'clues.notices.notOwed', date: null }]);
    expect(noticeState({ named: true, acceptanceNoticeOn: '2026-03-02', resultNoticeOn: null }).map((n) => n.date)).toEqual(['2026-03-02', null]);
  });
});
