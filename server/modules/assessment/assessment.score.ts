import type { Grade, GradeRules, RubricDefinition, ScoreResult } from '../../../contracts/assessment.js';

/** What one scorer entered, plus what the feeds counted: the whole input of a score. */
export interface ScoreEntries {
  items: {
    indicator: string;
    score?: number | null;
    occurrences?: { rule: string; count: number }[];
    members?: { score: number }[];
  }[];
  bonuses?: { rule: string; count: number }[];
  vetoes?: { code: string }[];
  /** Occurrences per fed rule code; a sheet's own count for the rule overrides it. */
  feeds?: { rule: string; occurrences: number }[];
}

/** Points are summed in hundredths so that 0.5-point rules add up exactly. */
export const toCenti = (points: number): number => Math.round(points * 100);
export const fromCenti = (centi: number): number => centi / 100;

interface Rule {
  code: string;
  points: number;
  cap: number | null;
  feed: string | null;
}

function apply(rule: Rule, own: number | undefined, fed: Map<string, number>) {
  const occurrences = own ?? (rule.feed ? (fed.get(rule.code) ?? 0) : 0);
  const raw = occurrences * toCenti(rule.points);
  const centi = rule.cap === null ? raw : Math.min(raw, toCenti(rule.cap));
  return { rule: rule.code, occurrences, centi, fed: own === undefined && rule.feed !== null };
}

/** The best grade whose rule holds; a veto or no rule holding gives 不合格. */
export function gradeFor(totalCenti: number, zeroItems: number, vetoed: boolean, rules: GradeRules): Grade {
  if (vetoed) return 'fail';
  for (const g of ['excellent', 'good', 'pass'] as const) {
    const r = rules[g];
    if (totalCenti >= toCenti(r.minScore) && (r.maxZeroItems === null || zeroItems <= r.maxZeroItems)) return g;
  }
  return 'fail';
}

/**
 * Scores one sheet against a rubric. Per indicator: base (awarded score, full marks for a deducted one,
 * or the mean of the members' scores) minus each deduction (occurrences × points, at most its cap),
 * kept within 0…max; a section adds its indicators up to its maximum; bonuses add up to their caps and
 * the rubric's bonus cap. An indicator at 0 is a zero item; a triggered veto makes the grade 不合格.
 */
export function scoreAssessment(rubric: RubricDefinition, entries: ScoreEntries, rules: GradeRules): ScoreResult {
  const byIndicator = new Map(entries.items.map((i) => [i.indicator, i]));
  const fed = new Map((entries.feeds ?? []).map((f) => [f.rule, f.occurrences]));
  const indicators: ScoreResult['indicators'] = [];
  const sections: ScoreResult['sections'] = [];
  let sectionTotal = 0;

  for (const section of rubric.sections) {
    let sum = 0;
    for (const ind of section.indicators) {
      const entry = byIndicator.get(ind.code);
      const max = toCenti(ind.maxScore);
      let base: number;
      let missing = false;
      if (ind.memberAveraged) {
        const members = entry?.members ?? [];
        missing = members.length === 0;
        base = missing ? 0 : Math.round(members.reduce((s, m) => s + toCenti(m.score), 0) / members.length);
      } else if (ind.scoring === 'deducted') {
        base = max;
      } else {
        missing = entry?.score === undefined || entry.score === null;
        base = missing ? 0 : toCenti(entry!.score!);
      }
      const own = new Map((entry?.occurrences ?? []).map((o) => [o.rule, o.count]));
      const deductions = ind.deductions.map((d) => apply(d, own.get(d.code), fed));
      const score = Math.max(0, Math.min(max, base - deductions.reduce((s, d) => s + d.centi, 0)));
      sum += score;
      indicators.push({
        code: ind.code,
        section: section.code,
        base: fromCenti(Math.min(base, max)),
        deductions: deductions.map((d) => ({ rule: d.rule, occurrences: d.occurrences, points: fromCenti(d.centi), fed: d.fed })),
        score: fromCenti(score),
        maxScore: ind.maxScore,
        zero: score === 0 && max > 0,
        missing,
      });
    }
    const score = Math.min(sum, toCenti(section.maxScore));
    sectionTotal += score;
    sections.push({ code: section.code, score: fromCenti(score), maxScore: section.maxScore });
  }

  const ownBonus = new Map((entries.bonuses ?? []).map((b) => [b.rule, b.count]));
  const bonuses = rubric.bonuses.map((b) => apply(b, ownBonus.get(b.code), fed));
  const bonus = Math.min(toCenti(rubric.bonusCap), bonuses.reduce((s, b) => s + b.centi, 0));
  const known = new Set(rubric.vetoes.map((v) => v.code));
  const vetoes = [...new Set((entries.vetoes ?? []).map((v) => v.code).filter((c) => known.has(c)))];
  const zeroItems = indicators.filter((i) => i.zero).map((i) => i.code);
  const total = sectionTotal + bonus;

  return {
    total: fromCenti(total),
    sectionTotal: fromCenti(sectionTotal),
    bonus: fromCenti(bonus),
    sections,
    indicators,
    bonuses: bonuses.map((b) => ({ rule: b.rule, occurrences: b.occurrences, points: fromCenti(b.centi), fed: b.fed })),
    zeroItems,
    vetoes,
    grade: gradeFor(total, zeroItems.length, vetoes.length > 0, rules),
  };
}
