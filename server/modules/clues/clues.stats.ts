import { sql } from 'kysely';
import type { ClueStats } from '../../../contracts/clues.js';
import type { Ctx } from '../../platform/context.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { viewerOf } from './clues.recusal.js';
import { visibleClues } from './clues.repo.js';

const QUARTER_MONTHS: Record<number, [string, string]> = { 1: ['01', '03'], 2: ['04', '06'], 3: ['07', '09'], 4: ['10', '12'] };
const NONE = 'none';

/**
 * 季度统计 of the caller's own clues received in the period, by source, method, form and category; the
 * counts are taken in SQL over the caller's list only, so no total includes a clue they cannot see.
 */
export async function clueStats(ctx: Ctx, q: { year: number; quarter?: number }): Promise<ClueStats> {
  const db = ctx.deps.db;
  const empty: ClueStats = { year: q.year, quarter: q.quarter ?? null, total: 0, bySource: [], byMethod: [], byForm: [], byCategory: [] };
  const v = await viewerOf(db, ctx);
  if (!v) return empty;
  let base = visibleClues(db, ctx.tenantId, v).where('c.year', '=', q.year);
  if (q.quarter) {
    const [from, to] = QUARTER_MONTHS[q.quarter]!;
    base = base.where('c.received_on', '>=', `${q.year}-${from}-01`).where('c.received_on', '<=', `${q.year}-${to}-31`);
  }
  const count = async (column: 'source' | 'method' | 'outcome_form' | 'category') => {
    const key = sql<string | number | null>`${sql.ref(`c.${column}`)}`;
    const rows = await base.select([key.as('k'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(`c.${column}`).execute();
    return rows.map((r) => ({ key: r.k === null ? NONE : String(r.k), count: Number(r.n) })).sort((a, b) => a.key.localeCompare(b.key));
  };
  const [bySource, byMethod, byForm, byCategory] = await Promise.all([count('source'), count('method'), count('outcome_form'), count('category')]);
  return { ...empty, total: bySource.reduce((s, r) => s + r.count, 0), bySource, byMethod, byForm, byCategory };
}

export async function exportClueStats(ctx: Ctx, q: { year: number; quarter?: number }, locale: Locale): Promise<Buffer> {
  const s = await clueStats(ctx, q);
  const tr = (k: string) => t(locale, `clues.${k}`);
  const label = (dim: string, key: string) => (key === NONE ? tr('stats.none') : tr(`${dim}.${key}`));
  const lines = [
    ...s.bySource.map((r) => ({ d: tr('stats.bySource'), i: label('source', r.key), n: r.count })),
    ...s.byMethod.map((r) => ({ d: tr('stats.byMethod'), i: label('method', r.key), n: r.count })),
    ...s.byForm.map((r) => ({ d: tr('stats.byForm'), i: label('form', r.key), n: r.count })),
    ...s.byCategory.map((r) => ({ d: tr('stats.byCategory'), i: label('category', r.key), n: r.count })),
    { d: tr('stats.total'), i: `${s.year}${s.quarter ? ` Q${s.quarter}` : ''}`, n: s.total },
  ];
  return writeWorkbook(tr('stats.title'), [
    { header: tr('stats.dimension'), value: (r: (typeof lines)[number]) => r.d, width: 16 },
    { header: tr('stats.item'), value: (r) => r.i, width: 20 },
    { header: tr('stats.count'), value: (r) => r.n, width: 10 },
  ], lines);
}
