import { describe, expect, it } from 'vitest';
import { defaultGradeRules, type GradeRules, type RubricDefinition } from '../../../contracts/assessment.js';
import { scoreAssessment, type ScoreEntries } from './assessment.score.js';

const rule = (code: string, points: number, cap: number | null, feed: string | null = null) => ({ code, name: code, points, cap, feed });
const ind = (code: string, maxScore: number, scoring: 'awarded' | 'deducted', deductions: ReturnType<typeof rule>[] = [], memberAveraged = false) => ({
  code, name: code, maxScore, scoring, memberAveraged, guidance: '', deductions,
});

/** Modelled on 落实两个责任 40 分 (domain-rules §4.3) plus a 60-point second section. */
const rubric: RubricDefinition = {
  sections: [
    {
      code: 'S1',
      name: '落实两个责任',
      maxScore: 40,
      indicators: [
        ind('1.1', 3, 'awarded'),
        ind('1.2', 3, 'awarded'),
        ind('1.3', 2, 'deducted', [rule('1.3a', 1, null)]),
        ind('1.4', 2, 'awarded'),
        ind('1.5', 2, 'awarded'),
        ind('1.6', 10, 'deducted', [rule('1.6a', 1, 3), rule('1.6b', 2, null, 'test.signing')]),
        ind('1.7', 10, 'awarded', [rule('1.7a', 1, 2)], true),
        ind('1.8', 8, 'deducted', [rule('1.8a', 1, 5, 'test.minutes')]),
      ],
    },
    { code: 'S2', name: '作风建设', maxScore: 60, indicators: [ind('2.1', 30, 'awarded'), ind('2.2', 30, 'deducted', [rule('2.2a', 0.5, 4, 'rectification.overdue')])] },
  ],
  bonuses: [rule('B1', 5, 5), rule('B2', 1, 2)],
  bonusCap: 6,
  vetoes: [{ code: 'V1', name: '发生严重违纪违法案件' }],
};

/** Every awarded indicator at full marks, each member 10. */
const full: ScoreEntries['items'] = [
  { indicator: '1.1', score: 3 },
  { indicator: '1.2', score: 3 },
  { indicator: '1.4', score: 2 },
  { indicator: '1.5', score: 2 },
  { indicator: '1.7', members: [{ score: 10 }, { score: 10 }] },
  { indicator: '2.1', score: 30 },
];
const withItem = (code: string, patch: Partial<ScoreEntries['items'][number]>) => [...full.filter((i) => i.indicator !== code), { indicator: code, ...patch }];

const goodAllowsOneZero: GradeRules = { ...defaultGradeRules, good: { minScore: 80, maxZeroItems: 1 } };

interface Row {
  name: string;
  entries: ScoreEntries;
  rules?: GradeRules;
  total: number;
  sections: [number, number];
  bonus: number;
  zero: string[];
  grade: string;
  /** Indicator scores worth checking by hand. */
  check?: Record<string, number>;
}

// Each row's figures were worked out by hand from the rubric above, not by running the code.
const table: Row[] = [
  { name: 'full marks, nothing counted', entries: { items: full }, total: 100, sections: [40, 60], bonus: 0, zero: [], grade: 'excellent', check: { '1.3': 2, '1.6': 10, '1.7': 10, '2.2': 30 } },
  {
    name: 'deduction caps: 5 × −1 capped at 3, fed −2, 7 fed minutes capped at 5, 10 × −0.5 capped at 4; bonuses capped per rule and in total',
    entries: {
      items: withItem('1.6', { occurrences: [{ rule: '1.6a', count: 5 }] }),
      feeds: [{ rule: '1.6b', occurrences: 1 }, { rule: '1.8a', occurrences: 7 }, { rule: '2.2a', occurrences: 10 }],
      bonuses: [{ rule: 'B1', count: 2 }, { rule: 'B2', count: 3 }],
    },
    // S1 = 3+3+2+2+2+(10−3−2)+10+(8−5) = 30; S2 = 30+(30−4) = 56; bonus min(6, 5+2) = 6; 86 + 6 = 92
    total: 92, sections: [30, 56], bonus: 6, zero: [], grade: 'excellent', check: { '1.6': 5, '1.8': 3, '2.2': 26 },
  },
  {
    name: 'a scorer’s count overrides the feed',
    entries: { items: withItem('1.8', { occurrences: [{ rule: '1.8a', count: 0 }] }), feeds: [{ rule: '1.8a', occurrences: 7 }] },
    total: 100, sections: [40, 60], bonus: 0, zero: [], grade: 'excellent', check: { '1.8': 8 },
  },
  { name: 'one zero item (no 实施方案) blocks 优秀 at 97', entries: { items: withItem('1.1', { score: 0 }) }, total: 97, sections: [37, 60], bonus: 0, zero: ['1.1'], grade: 'good' },
  { name: 'a veto makes 100 points 不合格', entries: { items: full, vetoes: [{ code: 'V1' }] }, total: 100, sections: [40, 60], bonus: 0, zero: [], grade: 'fail' },
  {
    name: 'members averaged: (9 + 8 + 8) / 3 = 8.33, one member never inspected −1',
    entries: { items: withItem('1.7', { members: [{ score: 9 }, { score: 8 }, { score: 8 }], occurrences: [{ rule: '1.7a', count: 1 }] }) },
    total: 97.33, sections: [37.33, 60], bonus: 0, zero: [], grade: 'excellent', check: { '1.7': 7.33 },
  },
  {
    name: 'members averaged with halves: (10 + 8 + 7.5) / 3 = 8.5, three never inspected capped at −2',
    entries: { items: withItem('1.7', { members: [{ score: 10 }, { score: 8 }, { score: 7.5 }], occurrences: [{ rule: '1.7a', count: 3 }] }) },
    total: 96.5, sections: [36.5, 60], bonus: 0, zero: [], grade: 'excellent', check: { '1.7': 6.5 },
  },
  {
    name: 'deductions beyond the indicator stop at 0 and make it a zero item',
    entries: { items: full.concat({ indicator: '1.3', occurrences: [{ rule: '1.3a', count: 3 }] }) },
    total: 98, sections: [38, 60], bonus: 0, zero: ['1.3'], grade: 'good', check: { '1.3': 0 },
  },
  {
    name: 'nothing entered: awarded indicators count 0, deducted ones keep full marks',
    entries: { items: [] },
    total: 50, sections: [20, 30], bonus: 0, zero: ['1.1', '1.2', '1.4', '1.5', '1.7', '2.1'], grade: 'fail',
  },
  { name: '合格 between 60 and 80', entries: { items: withItem('2.1', { score: 5 }) }, total: 75, sections: [40, 35], bonus: 0, zero: [], grade: 'pass' },
  {
    name: 'exactly 60 with two zero items is 合格',
    entries: { items: withItem('2.1', { score: 0 }).map((i) => (i.indicator === '1.7' ? { indicator: '1.7', members: [{ score: 0 }] } : i)) },
    total: 60, sections: [30, 30], bonus: 0, zero: ['1.7', '2.1'], grade: 'pass',
  },
  {
    name: '不合格 below 60 without a veto',
    entries: { items: withItem('2.1', { score: 0 }).map((i) => (i.indicator === '1.7' ? { indicator: '1.7', members: [{ score: 0 }] } : i.indicator === '1.1' ? { indicator: '1.1', score: 0 } : i)) },
    total: 57, sections: [27, 30], bonus: 0, zero: ['1.1', '1.7', '2.1'], grade: 'fail',
  },
  {
    name: 'configured: 良好 allows one zero item, two zero items at 94 give 合格',
    rules: goodAllowsOneZero,
    entries: { items: full.filter((i) => i.indicator !== '1.1' && i.indicator !== '1.2') },
    total: 94, sections: [34, 60], bonus: 0, zero: ['1.1', '1.2'], grade: 'pass',
  },
  { name: 'configured: one zero item at 97 is still 良好', rules: goodAllowsOneZero, entries: { items: withItem('1.1', { score: 0 }) }, total: 97, sections: [37, 60], bonus: 0, zero: ['1.1'], grade: 'good' },
];

describe('scoreAssessment against the hand-computed table', () => {
  it.each(table.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const s = scoreAssessment(rubric, r.entries, r.rules ?? defaultGradeRules);
    expect({ total: s.total, sections: s.sections.map((x) => x.score), bonus: s.bonus, zero: s.zeroItems, grade: s.grade }).toEqual({
      total: r.total, sections: r.sections, bonus: r.bonus, zero: r.zero, grade: r.grade,
    });
    for (const [code, score] of Object.entries(r.check ?? {})) expect(s.indicators.find((i) => i.code === code)?.score, code).toBe(score);
  });

  it('caps a section at its maximum even when its indicators add up to more', () => {
    const wide: RubricDefinition = { sections: [{ code: 'S', name: 'S', maxScore: 10, indicators: [ind('a', 8, 'awarded'), ind('b', 8, 'awarded')] }], bonuses: [], bonusCap: 0, vetoes: [] };
    const s = scoreAssessment(wide, { items: [{ indicator: 'a', score: 8 }, { indicator: 'b', score: 7 }] }, defaultGradeRules);
    expect([s.sections[0]!.score, s.total]).toEqual([10, 10]);
  });

  it('marks fed deductions and unscored indicators for the page', () => {
    const s = scoreAssessment(rubric, { items: [], feeds: [{ rule: '1.6b', occurrences: 1 }] }, defaultGradeRules);
    const i16 = s.indicators.find((i) => i.code === '1.6')!;
    expect(i16.deductions).toEqual([{ rule: '1.6a', occurrences: 0, points: 0, fed: false }, { rule: '1.6b', occurrences: 1, points: 2, fed: true }]);
    expect(s.indicators.filter((i) => i.missing).map((i) => i.code)).toEqual(['1.1', '1.2', '1.4', '1.5', '1.7', '2.1']);
  });

  it('ignores a veto code the rubric does not have', () => {
    expect(scoreAssessment(rubric, { items: full, vetoes: [{ code: 'V9' }] }, defaultGradeRules).grade).toBe('excellent');
  });
});
