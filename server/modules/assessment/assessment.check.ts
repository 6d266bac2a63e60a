import type { Indicator, RubricDefinition, Sheet } from '../../../contracts/assessment.js';
import { AppError } from '../../platform/http/errors.js';
import { toCenti } from './assessment.score.js';

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/** The schema bounds a number; only here can we say "at most two decimals". */
function points(v: number, field: string): void {
  if (Math.abs(toCenti(v) - v * 100) > 1e-6) throw invalid(field);
}

/**
 * What the schema cannot say about a rubric: codes unique across it, indicators within their section,
 * caps not below one occurrence, feeds that exist, at most two decimals everywhere.
 */
export function checkRubric(def: RubricDefinition, feeds: ReadonlySet<string>): void {
  const codes = new Set<string>();
  const code = (c: string, field: string) => {
    if (codes.has(c)) throw invalid(field);
    codes.add(c);
  };
  const rule = (r: { code: string; points: number; cap: number | null; feed: string | null }, at: string) => {
    code(r.code, `${at}/code`);
    points(r.points, `${at}/points`);
    if (r.points === 0) throw invalid(`${at}/points`);
    if (r.cap !== null) {
      points(r.cap, `${at}/cap`);
      if (r.cap < r.points) throw invalid(`${at}/cap`);
    }
    if (r.feed !== null && !feeds.has(r.feed)) throw invalid(`${at}/feed`);
  };
  def.sections.forEach((s, si) => {
    const at = `definition/sections/${si}`;
    code(s.code, `${at}/code`);
    points(s.maxScore, `${at}/maxScore`);
    s.indicators.forEach((ind, ii) => {
      const iat = `${at}/indicators/${ii}`;
      code(ind.code, `${iat}/code`);
      points(ind.maxScore, `${iat}/maxScore`);
      if (ind.maxScore === 0 || ind.maxScore > s.maxScore) throw invalid(`${iat}/maxScore`);
      if (ind.memberAveraged && ind.scoring !== 'awarded') throw invalid(`${iat}/scoring`);
      ind.deductions.forEach((d, di) => rule(d, `${iat}/deductions/${di}`));
    });
  });
  def.bonuses.forEach((b, bi) => rule(b, `definition/bonuses/${bi}`));
  points(def.bonusCap, 'definition/bonusCap');
  def.vetoes.forEach((v, vi) => code(v.code, `definition/vetoes/${vi}/code`));
}

export function maxTotal(def: RubricDefinition): number {
  return def.sections.reduce((s, x) => s + toCenti(x.maxScore), 0) / 100;
}

/**
 * A sheet names only items of its rubric, scores within the indicator's maximum, gives a score only to an
 * awarded indicator and members only to an averaged one, and explains every fed count it overrides.
 * Returns the people scored as members, for the caller to check they exist.
 */
export function checkSheet(def: RubricDefinition, sheet: Sheet): string[] {
  const indicators = new Map<string, Indicator>(def.sections.flatMap((s) => s.indicators.map((i) => [i.code, i] as const)));
  const seen = new Set<string>();
  const people = new Set<string>();
  sheet.items.forEach((item, n) => {
    const at = `items/${n}`;
    const ind = indicators.get(item.indicator);
    if (!ind || seen.has(item.indicator)) throw invalid(`${at}/indicator`);
    seen.add(item.indicator);
    if (item.score !== undefined && item.score !== null) {
      if (ind.scoring !== 'awarded' || ind.memberAveraged || item.score > ind.maxScore) throw invalid(`${at}/score`);
      points(item.score, `${at}/score`);
    }
    if (item.members?.length) {
      if (!ind.memberAveraged) throw invalid(`${at}/members`);
      item.members.forEach((m, mi) => {
        if (m.score > ind.maxScore || people.has(m.personId)) throw invalid(`${at}/members/${mi}`);
        points(m.score, `${at}/members/${mi}/score`);
        people.add(m.personId);
      });
    }
    const rules = new Map(ind.deductions.map((d) => [d.code, d]));
    const counted = new Set<string>();
    item.occurrences?.forEach((o, oi) => {
      const r = rules.get(o.rule);
      if (!r || counted.has(o.rule)) throw invalid(`${at}/occurrences/${oi}/rule`);
      counted.add(o.rule);
      if (r.feed && !item.comment?.trim()) throw invalid(`${at}/comment`);
    });
  });
  const bonuses = new Map(def.bonuses.map((b) => [b.code, b]));
  const bonusSeen = new Set<string>();
  sheet.bonuses?.forEach((b, bi) => {
    const r = bonuses.get(b.rule);
    if (!r || bonusSeen.has(b.rule)) throw invalid(`bonuses/${bi}/rule`);
    bonusSeen.add(b.rule);
    if (r.feed && !b.comment?.trim()) throw invalid(`bonuses/${bi}/comment`);
  });
  const vetoes = new Set(def.vetoes.map((v) => v.code));
  const vetoSeen = new Set<string>();
  sheet.vetoes?.forEach((v, vi) => {
    if (!vetoes.has(v.code) || vetoSeen.has(v.code)) throw invalid(`vetoes/${vi}/code`);
    vetoSeen.add(v.code);
  });
  return [...people];
}
