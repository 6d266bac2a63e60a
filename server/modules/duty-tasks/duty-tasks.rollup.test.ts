import { describe, expect, it } from 'vitest';
import { numbering, occurrenceMean, occurrencesOf, rollUp, statusOf } from './duty-tasks.rollup.js';

describe('weighted roll-up (basis points)', () => {
  it.each([
    ['one child done of two equal', [[1, 10000], [1, 0]], 5000],
    ['分值 3 done, 分值 1 untouched', [[3, 10000], [1, 0]], 7500],
    ['分值 3 at 100 %, 分值 1 at 40 %', [[3, 10000], [1, 4000]], 8500],
    ['thirds round to the basis point', [[1, 10000], [1, 0], [1, 0]], 3333],
    ['two thirds round up', [[1, 10000], [1, 10000], [1, 0]], 6667],
    ['a 分值 0 child does not count', [[0, 0], [5, 6000]], 6000],
    ['all 分值 0: children count equally', [[0, 10000], [0, 0]], 5000],
    ['20/30/25/25 as in the fixture', [[20, 5000], [30, 10000], [25, 0], [25, 2000]], 4500],
  ] as const)('%s', (_name, children, expected) => {
    expect(rollUp(children.map(([weight, progressBp]) => ({ weight, progressBp })))).toBe(expected);
  });

  it('no children is no progress', () => expect(rollUp([])).toBe(0));

  it('a recurring duty is the mean of its occurrences', () => {
    expect(occurrenceMean([{ progressBp: 10000 }, { progressBp: 0 }, { progressBp: 0 }, { progressBp: 0 }])).toBe(2500);
    expect(occurrenceMean([{ progressBp: 10000 }, { progressBp: 5000 }])).toBe(7500);
  });

  it('status follows progress, a waiting report first', () => {
    expect([statusOf(0, 0), statusOf(1, 0), statusOf(10000, 0), statusOf(10000, 1), statusOf(0, 2)]).toEqual(['not_started', 'in_progress', 'completed', 'submitted', 'submitted']);
  });
});

describe('occurrences of recurring duties', () => {
  const dues = (r: Parameters<typeof occurrencesOf>[0], deadline: string) => occurrencesOf(r, 2026, deadline).map((o) => `${o.period}@${o.dueDate}`);

  it('quarterly: four, due at each quarter end', () => {
    expect(dues('quarterly', '2026-12-31')).toEqual(['2026-Q1@2026-03-31', '2026-Q2@2026-06-30', '2026-Q3@2026-09-30', '2026-Q4@2026-12-31']);
  });
  it('half-yearly (twice-yearly 专题研究): two', () => {
    expect(dues('half_yearly', '2026-12-31')).toEqual(['2026-H1@2026-06-30', '2026-H2@2026-12-31']);
  });
  it('monthly: twelve, February ending on the 28th', () => {
    const m = dues('monthly', '2026-12-31');
    expect(m).toHaveLength(12);
    expect(m[1]).toBe('2026-02@2026-02-28');
  });
  it('yearly: one, due at the deadline', () => expect(dues('yearly', '2026-11-30')).toEqual(['2026@2026-11-30']));
  it('an earlier deadline cuts the periods after it and shortens the last', () => {
    expect(dues('quarterly', '2026-08-15')).toEqual(['2026-Q1@2026-03-31', '2026-Q2@2026-06-30', '2026-Q3@2026-08-15']);
  });
  it('a one-off task has none', () => expect(dues('none', '2026-12-31')).toEqual([]));
  it('leap years have a 29 February', () => expect(occurrencesOf('monthly', 2028, '2028-12-31')[1]!.dueDate).toBe('2028-02-29'));
});

describe('序号', () => {
  it('numbers children under their parent and keeps tree order as text order', () => {
    const top = numbering(null, 2);
    const child = numbering(top, 10);
    expect([top.number, child.number]).toEqual(['2', '2.10']);
    expect([numbering(top, 9).sortKey < child.sortKey, top.sortKey < numbering(null, 10).sortKey]).toEqual([true, true]);
  });
});
