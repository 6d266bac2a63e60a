import { describe, expect, it } from 'vitest';
import { defaultGradeRules } from '../../contracts/assessment.js';
import { checkRubric, maxTotal } from '../modules/assessment/assessment.check.js';
import { scoreAssessment } from '../modules/assessment/assessment.score.js';
import { demoRubricDefinition } from './demo-assessment.js';

describe('demo rubric', () => {
  it('is a valid 100-point rubric with 落实两个责任 at 40', () => {
    const def = demoRubricDefinition(new Set());
    expect(() => checkRubric(def, new Set())).not.toThrow();
    expect(maxTotal(def)).toBe(100);
    expect(def.sections[0]!.indicators.reduce((s, i) => s + i.maxScore, 0)).toBe(40);
  });

  it('names only the feeds this build registered', () => {
    const some = demoRubricDefinition(new Set(['rectification.overdue']));
    const fed = some.sections.flatMap((s) => s.indicators.flatMap((i) => i.deductions)).filter((d) => d.feed).map((d) => [d.code, d.feed]);
    expect(fed).toEqual([['2.1a', 'rectification.overdue']]);
    expect(() => checkRubric(some, new Set(['rectification.overdue']))).not.toThrow();
  });

  it('scores an empty sheet as the deducted indicators only', () => {
    // 1.3 (2) + 1.6 (10) + 1.8 (8) + 2.1–2.3 (30) = 50
    expect(scoreAssessment(demoRubricDefinition(new Set()), { items: [] }, defaultGradeRules).total).toBe(50);
  });
});
