import type { BonusRule, DeductionRule, Indicator, RubricDefinition, Section } from '../../../api/assessment';

/** One problem in a rubric draft: where (as the server names fields) and which message. */
export interface RubricProblem {
  path: string;
  problem: 'codeFormat' | 'codeDuplicate' | 'nameRequired' | 'maxScore' | 'indicatorOverSection' | 'decimals' | 'pointsZero' | 'capBelowPoints' | 'feedUnknown' | 'averagedDeducted' | 'noIndicators' | 'noSections';
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** At most two decimals, as the server counts them (in hundredths). */
export function hasTwoDecimalsAtMost(v: number): boolean {
  return Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
}

/**
 * The checks the server makes on save (contracts/assessment.ts and checkRubric), run as the user types so
 * the builder can mark the field instead of answering one 400 at a time.
 */
export function rubricProblems(def: RubricDefinition, feeds: ReadonlySet<string>): RubricProblem[] {
  const out: RubricProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, problem: RubricProblem['problem']) => out.push({ path, problem });
  const code = (c: string, path: string) => {
    if (!CODE.test(c)) add(`${path}/code`, 'codeFormat');
    else if (seen.has(c)) add(`${path}/code`, 'codeDuplicate');
    seen.add(c);
  };
  const name = (n: string, path: string) => {
    if (!n.trim()) add(`${path}/name`, 'nameRequired');
  };
  const points = (v: number, path: string) => {
    if (!hasTwoDecimalsAtMost(v)) add(path, 'decimals');
  };
  const rule = (r: DeductionRule | BonusRule, path: string) => {
    code(r.code, path);
    name(r.name, path);
    points(r.points, `${path}/points`);
    if (r.points <= 0) add(`${path}/points`, 'pointsZero');
    if (r.cap !== null) {
      points(r.cap, `${path}/cap`);
      if (r.cap < r.points) add(`${path}/cap`, 'capBelowPoints');
    }
    if (r.feed !== null && !feeds.has(r.feed)) add(`${path}/feed`, 'feedUnknown');
  };
  if (def.sections.length === 0) add('definition/sections', 'noSections');
  def.sections.forEach((s, si) => {
    const at = `definition/sections/${si}`;
    code(s.code, at);
    name(s.name, at);
    points(s.maxScore, `${at}/maxScore`);
    if (s.maxScore <= 0) add(`${at}/maxScore`, 'maxScore');
    if (s.indicators.length === 0) add(`${at}/indicators`, 'noIndicators');
    s.indicators.forEach((ind, ii) => {
      const iat = `${at}/indicators/${ii}`;
      code(ind.code, iat);
      name(ind.name, iat);
      points(ind.maxScore, `${iat}/maxScore`);
      if (ind.maxScore <= 0) add(`${iat}/maxScore`, 'maxScore');
      else if (ind.maxScore > s.maxScore) add(`${iat}/maxScore`, 'indicatorOverSection');
      if (ind.memberAveraged && ind.scoring !== 'awarded') add(`${iat}/scoring`, 'averagedDeducted');
      ind.deductions.forEach((d, di) => rule(d, `${iat}/deductions/${di}`));
    });
  });
  def.bonuses.forEach((b, bi) => rule(b, `definition/bonuses/${bi}`));
  points(def.bonusCap, 'definition/bonusCap');
  def.vetoes.forEach((v, vi) => {
    code(v.code, `definition/vetoes/${vi}`);
    name(v.name, `definition/vetoes/${vi}`);
  });
  return out;
}

/** Sum of the section maxima: the rubric's full score without bonuses (the real tables add up to 100). */
export function sectionTotal(def: RubricDefinition): number {
  return Math.round(def.sections.reduce((s, x) => s + x.maxScore * 100, 0)) / 100;
}

/** Sum of a section's indicator maxima, shown next to its maximum (a section counts at most its maximum). */
export function indicatorTotal(s: Section): number {
  return Math.round(s.indicators.reduce((t, i) => t + i.maxScore * 100, 0)) / 100;
}

/** The next free code under a prefix ("1" → "1.1", "1.2", …), so new rows start valid. */
export function nextCode(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const c = prefix ? `${prefix}.${n}` : String(n);
    if (!taken.has(c)) return c;
  }
}

/** The next free code made of a prefix and a number ("B1", "V2", "1.1-3"), for rules and vetoes. */
export function nextFlatCode(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function allCodes(def: RubricDefinition): Set<string> {
  return new Set([
    ...def.sections.flatMap((s) => [s.code, ...s.indicators.flatMap((i) => [i.code, ...i.deductions.map((d) => d.code)])]),
    ...def.bonuses.map((b) => b.code),
    ...def.vetoes.map((v) => v.code),
  ]);
}

export const emptyIndicator = (code: string): Indicator => ({ code, name: '', maxScore: 1, scoring: 'deducted', memberAveraged: false, guidance: '', deductions: [] });
export const emptySection = (code: string): Section => ({ code, name: '', maxScore: 10, indicators: [emptyIndicator(`${code}.1`)] });
export const emptyRule = (code: string): DeductionRule => ({ code, name: '', points: 1, cap: null, feed: null });
export const emptyDefinition = (): RubricDefinition => ({ sections: [emptySection('1')], bonuses: [], bonusCap: 0, vetoes: [] });
