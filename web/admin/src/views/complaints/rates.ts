import type { ComplaintStatsRow } from '../../api/complaints';

export type RateField = 'onTimeRate' | 'replyRate' | 'satisfactionRate';

/** Targets from the supervision rules: 回复率 ≥ 92 %, 满意率 ≥ 85 %; 按期办结率 has none. */
export const rateTargets: Partial<Record<RateField, number>> = { replyRate: 0.92, satisfactionRate: 0.85 };

/** Which count each rate divides by: a rate of nothing is no rate, not 0 %. */
const denominators: Record<RateField, keyof ComplaintStatsRow> = { replyRate: 'total', onTimeRate: 'closed', satisfactionRate: 'rated' };

/** A rate as a percentage with one decimal (0.9234 → 92.3). */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

export interface RateCell {
  /** Null when nothing was counted yet. */
  value: number | null;
  below: boolean;
}

/** The shown value of one rate and whether it misses its target (compared unrounded). */
export function rateCell(row: ComplaintStatsRow, field: RateField): RateCell {
  if (Number(row[denominators[field]]) === 0) return { value: null, below: false };
  const target = rateTargets[field];
  return { value: percent(row[field]), below: target !== undefined && row[field] < target };
}

export interface RateSeries {
  field: RateField;
  values: (number | null)[];
}

/** Chart data: one category per row with at least one complaint, each rate as a series (gaps where there is no rate). */
export function rateChart(rows: readonly ComplaintStatsRow[], label: (r: ComplaintStatsRow) => string): { categories: string[]; series: RateSeries[] } {
  const shown = rows.filter((r) => r.total > 0);
  const fields: RateField[] = ['onTimeRate', 'replyRate', 'satisfactionRate'];
  return {
    categories: shown.map(label),
    series: fields.map((field) => ({ field, values: shown.map((r) => rateCell(r, field).value) })),
  };
}
