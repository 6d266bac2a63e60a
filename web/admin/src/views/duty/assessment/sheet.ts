import type { FeedValue, Indicator, RubricDefinition, Sheet, SheetView } from '../../../api/assessment';

export interface EvidenceRef {
  id: string;
  name: string;
}

/** One indicator's row on the scoring sheet as the page edits it. */
export interface SheetRow {
  indicator: string;
  /** awarded (not averaged): 0…max; null = not scored yet. */
  score: number | null;
  /** memberAveraged: each 班子成员's score. */
  members: { personId: string; name: string; score: number | null }[];
  /** Per deduction rule: a count typed by the scorer; for a fed rule null means "as the feed counted". */
  occurrences: Record<string, number | null>;
  comment: string;
  evidence: EvidenceRef[];
}

export interface SheetModel {
  rows: Record<string, SheetRow>;
  bonuses: Record<string, { count: number | null; comment: string }>;
  vetoes: Record<string, { on: boolean; note: string }>;
  remark: string;
}

export function indicators(def: RubricDefinition): Indicator[] {
  return def.sections.flatMap((s) => s.indicators);
}

/** The sheet to edit: the saved one, else empty rows; `people` seeds the members of averaged indicators. */
export function sheetModel(def: RubricDefinition, saved: SheetView | null, people: readonly { personId: string; name: string }[] = []): SheetModel {
  const byCode = new Map((saved?.items ?? []).map((i) => [i.indicator, i]));
  const rows: Record<string, SheetRow> = {};
  for (const ind of indicators(def)) {
    const s = byCode.get(ind.code);
    const occurrences: Record<string, number | null> = {};
    for (const d of ind.deductions) occurrences[d.code] = s?.occurrences.find((o) => o.rule === d.code)?.count ?? (d.feed ? null : 0);
    const savedMembers = s?.members ?? [];
    const members = ind.memberAveraged
      ? [
          ...savedMembers.map((m) => ({ personId: m.personId, name: m.name, score: m.score as number | null })),
          ...people.filter((p) => !savedMembers.some((m) => m.personId === p.personId)).map((p) => ({ ...p, score: null })),
        ]
      : [];
    rows[ind.code] = { indicator: ind.code, score: s?.score ?? null, members, occurrences, comment: s?.comment ?? '', evidence: s?.evidence.map((e) => ({ id: e.id, name: e.name })) ?? [] };
  }
  const bonuses: SheetModel['bonuses'] = {};
  for (const b of def.bonuses) {
    const s = saved?.bonuses.find((x) => x.rule === b.code);
    bonuses[b.code] = { count: s?.count ?? (b.feed ? null : 0), comment: s?.comment ?? '' };
  }
  const vetoes: SheetModel['vetoes'] = {};
  for (const v of def.vetoes) {
    const s = saved?.vetoes.find((x) => x.code === v.code);
    vetoes[v.code] = { on: !!s, note: s?.note ?? '' };
  }
  return { rows, bonuses, vetoes, remark: saved?.remark ?? '' };
}

/** The body for PUT …/self or …/review: unscored members left out, fed counts sent only when overridden. */
export function toSheet(def: RubricDefinition, m: SheetModel): Sheet {
  const items: Sheet['items'] = indicators(def).map((ind) => {
    const r = m.rows[ind.code]!;
    const occurrences = ind.deductions.flatMap((d) => {
      const c = r.occurrences[d.code];
      return c === null || c === undefined ? [] : [{ rule: d.code, count: c }];
    });
    const members = r.members.flatMap((x) => (x.score === null ? [] : [{ personId: x.personId, score: x.score }]));
    return {
      indicator: ind.code,
      ...(ind.scoring === 'awarded' && !ind.memberAveraged ? { score: r.score } : {}),
      ...(occurrences.length ? { occurrences } : {}),
      ...(members.length ? { members } : {}),
      ...(r.comment.trim() ? { comment: r.comment.trim() } : {}),
      ...(r.evidence.length ? { attachmentIds: r.evidence.map((e) => e.id) } : {}),
    };
  });
  const bonuses = def.bonuses.flatMap((b) => {
    const s = m.bonuses[b.code]!;
    return s.count === null ? [] : [{ rule: b.code, count: s.count, ...(s.comment.trim() ? { comment: s.comment.trim() } : {}) }];
  });
  const vetoes = def.vetoes.flatMap((v) => (m.vetoes[v.code]?.on ? [{ code: v.code, note: m.vetoes[v.code]!.note.trim() }] : []));
  return { items, bonuses, vetoes, ...(m.remark.trim() ? { remark: m.remark.trim() } : {}) };
}

export interface SheetProblem {
  indicator: string;
  problem: 'scoreAboveMax' | 'overrideNeedsComment' | 'vetoNeedsNote' | 'decimals';
}

/** What the server would refuse, found before saving: too high a score, a changed fed count without a reason, a veto without a note. */
export function sheetProblems(def: RubricDefinition, m: SheetModel): SheetProblem[] {
  const out: SheetProblem[] = [];
  const dec = (v: number | null) => v !== null && Math.abs(Math.round(v * 100) - v * 100) > 1e-6;
  for (const ind of indicators(def)) {
    const r = m.rows[ind.code]!;
    const scores = [r.score, ...r.members.map((x) => x.score)];
    if (scores.some((s) => s !== null && s > ind.maxScore)) out.push({ indicator: ind.code, problem: 'scoreAboveMax' });
    if (scores.some(dec)) out.push({ indicator: ind.code, problem: 'decimals' });
    const overridden = ind.deductions.some((d) => d.feed && r.occurrences[d.code] !== null && r.occurrences[d.code] !== undefined);
    if (overridden && !r.comment.trim()) out.push({ indicator: ind.code, problem: 'overrideNeedsComment' });
  }
  for (const b of def.bonuses) if (b.feed && m.bonuses[b.code]!.count !== null && !m.bonuses[b.code]!.comment.trim()) out.push({ indicator: b.code, problem: 'overrideNeedsComment' });
  for (const v of def.vetoes) if (m.vetoes[v.code]!.on && !m.vetoes[v.code]!.note.trim()) out.push({ indicator: v.code, problem: 'vetoNeedsNote' });
  return out;
}

/** What the feed counted for a rule, if the rule is fed. */
export function feedFor(feeds: readonly FeedValue[], rule: string): FeedValue | undefined {
  return feeds.find((f) => f.rule === rule);
}
