import { describe, expect, it } from 'vitest';
import type { RubricDefinition } from '../../../api/assessment';
import { allCodes, emptyDefinition, nextCode, nextFlatCode, rubricProblems, sectionTotal } from './rubric-form';

const FEEDS = new Set(['duty_tasks.overdue', 'rectification.overdue']);

/** A small valid rubric in the shape of the real tables: 落实两个责任 with a fed deduction, a bonus and a veto. */
function valid(): RubricDefinition {
  return {
    sections: [
      {
        code: '1', name: '落实两个责任', maxScore: 40,
        indicators: [
          { code: '1.1', name: '一岗双责', maxScore: 10, scoring: 'awarded', memberAveraged: true, guidance: '', deductions: [] },
          { code: '1.2', name: '重点任务', maxScore: 10, scoring: 'deducted', memberAveraged: false, guidance: '', deductions: [{ code: '1.2-1', name: '任务超期', points: 1, cap: 5, feed: 'duty_tasks.overdue' }] },
        ],
      },
      { code: '2', name: '作风建设', maxScore: 60, indicators: [{ code: '2.1', name: '八项规定', maxScore: 60, scoring: 'deducted', memberAveraged: false, guidance: '', deductions: [{ code: '2.1-1', name: '违规', points: 0.5, cap: null, feed: null }] }] },
    ],
    bonuses: [{ code: 'B1', name: '上级表彰', points: 1, cap: 2, feed: null }],
    bonusCap: 3,
    vetoes: [{ code: 'V1', name: '发生严重违纪' }],
  };
}

const problems = (def: RubricDefinition) => rubricProblems(def, FEEDS).map((p) => `${p.path} ${p.problem}`);

describe('rubric builder checks', () => {
  it('finds nothing wrong with a valid rubric and totals its sections', () => {
    expect(problems(valid())).toEqual([]);
    expect(sectionTotal(valid())).toBe(100);
  });

  it('names a code used twice anywhere in the rubric, and a malformed one', () => {
    const d = valid();
    d.bonuses[0]!.code = '1.2-1';
    d.vetoes[0]!.code = '-V';
    expect(problems(d)).toEqual(['definition/bonuses/0/code codeDuplicate', 'definition/vetoes/0/code codeFormat']);
  });

  it('refuses an indicator worth more than its section, zero maxima and more than two decimals', () => {
    const d = valid();
    d.sections[0]!.indicators[0]!.maxScore = 41;
    d.sections[1]!.maxScore = 0;
    d.sections[1]!.indicators[0]!.deductions[0]!.points = 0.333;
    expect(problems(d)).toEqual([
      'definition/sections/0/indicators/0/maxScore indicatorOverSection',
      'definition/sections/1/maxScore maxScore',
      'definition/sections/1/indicators/0/maxScore indicatorOverSection',
      'definition/sections/1/indicators/0/deductions/0/points decimals',
    ]);
  });

  it('refuses a cap below one occurrence, a zero-point rule and an unregistered feed', () => {
    const d = valid();
    const rule = d.sections[0]!.indicators[1]!.deductions[0]!;
    rule.cap = 0.5;
    rule.feed = 'minutes.missing';
    d.bonuses[0]!.points = 0;
    expect(problems(d)).toEqual([
      'definition/sections/0/indicators/1/deductions/0/cap capBelowPoints',
      'definition/sections/0/indicators/1/deductions/0/feed feedUnknown',
      'definition/bonuses/0/points pointsZero',
    ]);
  });

  it('allows member averaging only on awarded indicators and asks for names', () => {
    const d = valid();
    d.sections[0]!.indicators[1]!.memberAveraged = true;
    d.vetoes[0]!.name = '  ';
    expect(problems(d)).toEqual(['definition/sections/0/indicators/1/scoring averagedDeducted', 'definition/vetoes/0/name nameRequired']);
  });

  it('refuses an empty section and an empty rubric', () => {
    const d = valid();
    d.sections[1]!.indicators = [];
    expect(problems(d)).toContain('definition/sections/1/indicators noIndicators');
    expect(problems({ ...d, sections: [] })).toEqual(['definition/sections noSections']);
  });

  it('starts a new rubric valid apart from its names, and numbers new rows with free codes', () => {
    const d = emptyDefinition();
    expect(problems(d)).toEqual(['definition/sections/0/name nameRequired', 'definition/sections/0/indicators/0/name nameRequired']);
    const taken = allCodes(valid());
    expect(nextCode('1', taken)).toBe('1.3');
    expect(nextCode('', taken)).toBe('3');
    expect(nextFlatCode('B', taken)).toBe('B2');
    expect(nextFlatCode('1.2-', taken)).toBe('1.2-2');
  });
});
