import type { ClueStats } from '../../api/clues';

export const statsDimensions = ['bySource', 'byCategory', 'byMethod', 'byForm'] as const;
export type StatsDimension = (typeof statsDimensions)[number];

/** Sources and categories as shares of a whole (pie); methods and forms as counts side by side (bar). */
export const chartKind: Record<StatsDimension, 'pie' | 'bar'> = { bySource: 'pie', byCategory: 'pie', byMethod: 'bar', byForm: 'bar' };

const labelPrefix: Record<StatsDimension, string> = { bySource: 'clues.sources', byCategory: 'clues.categories', byMethod: 'clues.methods', byForm: 'clues.forms' };

export interface StatsRow {
  key: string;
  label: string;
  count: number;
  /** Percent of the period's total, one decimal; null when the period has none. */
  share: number | null;
}

/** The server's key for clues that have no method or form yet. */
const NONE = 'none';

/**
 * A dimension's rows with names: codes the web knows by their locale name, `none` (no method or form yet)
 * as 尚未处置, anything else as sent.
 */
export function statsRows(stats: ClueStats, dim: StatsDimension, t: (key: string) => string, known: (key: string) => boolean): StatsRow[] {
  return stats[dim].map((c) => {
    const key = `${labelPrefix[dim]}.${c.key}`;
    const label = c.key === NONE ? t('clues.stats.notYet') : known(key) ? t(key) : c.key;
    return { key: c.key, label, count: c.count, share: stats.total > 0 ? Math.round((c.count / stats.total) * 1000) / 10 : null };
  });
}

/** The quarter a date falls in (1–4). */
export function quarterOf(month0: number): 1 | 2 | 3 | 4 {
  return (Math.floor(month0 / 3) + 1) as 1 | 2 | 3 | 4;
}
