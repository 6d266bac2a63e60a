import type { RectificationOrgSummary } from '../../api/types';

type Row = RectificationOrgSummary['totals'];

/** 整改完成率 as a percentage with one decimal (0.6667 → 66.7). */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/** Bar colour of a row: all closed is green, anything overdue is red, otherwise the default blue. */
export function progressStatus(r: Pick<Row, 'completionRate' | 'overdue' | 'total'>): 'success' | 'exception' | undefined {
  if (r.total > 0 && r.completionRate >= 1) return 'success';
  if (r.overdue > 0) return 'exception';
  return undefined;
}

/** Chart data: one bar per org, highest completion first so the laggards sit together at the end. */
export function completionBars(rows: readonly Row[]): { name: string; value: number }[] {
  return rows
    .filter((r) => r.total > 0)
    .map((r) => ({ name: r.orgName, value: percent(r.completionRate) }))
    .sort((a, b) => b.value - a.value);
}
