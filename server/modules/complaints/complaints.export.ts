import type { Static } from 'typebox';
import type { ComplaintStatsRow as StatsRowSchema, ComplaintSummary } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { addDays } from '../../platform/clock/calendar.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import type { ListFilter } from './complaints.repo.js';
import { allComplaints } from './complaints.service.js';
import { aggregate, type StatsDimension } from './complaints.stats.js';

type ComplaintStatsRow = Static<typeof StatsRowSchema>;

const tr = (l: Locale, k: string) => t(l, `complaints.${k}`);

/**
 * The ledger as the inbox shows it. No reporter identity (only 实名/匿名), no content, no handler names:
 * a spreadsheet travels further than the screen it came from.
 */
export async function exportLedger(ctx: Ctx, q: ListFilter, locale: Locale): Promise<Buffer> {
  const rows = await allComplaints(ctx, q);
  const h = (k: string) => tr(locale, `columns.${k}`);
  return writeWorkbook<ComplaintSummary>(tr(locale, 'sheets.ledger'), [
    { header: h('code'), value: (r) => r.code, width: 16 },
    { header: h('channel'), value: (r) => tr(locale, `channels.${r.channel}`), width: 10 },
    { header: h('status'), value: (r) => tr(locale, `statuses.${r.status}`), width: 10 },
    { header: h('category'), value: (r) => r.category.name, width: 14 },
    { header: h('matter'), value: (r) => r.matter.name, width: 28 },
    { header: h('org'), value: (r) => r.org.name, width: 20 },
    { header: h('responsibleOrg'), value: (r) => r.responsibleOrg?.name ?? '', width: 20 },
    { header: h('reporter'), value: (r) => tr(locale, r.anonymous ? 'anonymous' : 'named'), width: 8 },
    { header: h('submittedAt'), value: (r) => r.submittedAt, width: 28 },
    { header: h('dueDate'), value: (r) => r.dueDate ?? '', width: 12 },
    { header: h('sla'), value: (r) => (r.sla ? tr(locale, `sla.${r.sla}`) : ''), width: 8 },
    { header: h('extensions'), value: (r) => r.extensions, width: 10 },
    { header: h('redos'), value: (r) => r.redos, width: 8 },
    { header: h('dissatisfied'), value: (r) => r.dissatisfied, width: 10 },
  ], rows);
}

/** The week (Monday to Sunday) or the calendar month holding `date`. */
export function periodOf(period: 'week' | 'month', date: string): { from: string; to: string } {
  if (period === 'month') {
    const from = `${date.slice(0, 7)}-01`;
    const next = new Date(`${from}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
  }
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(date, -dow);
  return { from, to: addDays(from, 6) };
}

interface SummaryLine {
  dimension: string;
  item: string;
  r: ComplaintStatsRow;
}

const DIMENSIONS: StatsDimension[] = ['org', 'category', 'channel', 'status'];

/**
 * 周汇总 / 月报告 (林口: 周汇总、月报告): one sheet with the totals and then each dimension's groups, every
 * group with its counts and the three rates.
 */
export async function exportSummary(ctx: Ctx, period: 'week' | 'month', date: string, locale: Locale): Promise<Buffer> {
  const range = periodOf(period, date);
  const scope = scopeOf(ctx.actor, 'complaint:stats');
  const lines: SummaryLine[] = [];
  const label = (by: StatsDimension, r: ComplaintStatsRow) => {
    if (by === 'channel') return tr(locale, `channels.${r.key}`);
    if (by === 'status') return tr(locale, `statuses.${r.key}`);
    return r.key === '' ? tr(locale, 'unassigned') : r.label;
  };
  for (const by of DIMENSIONS) {
    const stats = await aggregate(ctx.deps.db, ctx.tenantId, scope, by, range);
    if (!lines.length) lines.push({ dimension: tr(locale, 'dimensions.all'), item: `${range.from} ~ ${range.to}`, r: stats.totals });
    for (const r of stats.rows) lines.push({ dimension: tr(locale, `dimensions.${by}`), item: label(by, r), r });
  }
  const h = (k: string) => tr(locale, `columns.${k}`);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return writeWorkbook<SummaryLine>(tr(locale, `sheets.${period}`), [
    { header: h('dimension'), value: (l) => l.dimension, width: 12 },
    { header: h('item'), value: (l) => l.item, width: 26 },
    { header: h('total'), value: (l) => l.r.total, width: 8 },
    { header: h('answered'), value: (l) => l.r.answered, width: 8 },
    { header: h('replyRate'), value: (l) => pct(l.r.replyRate), width: 8 },
    { header: h('closed'), value: (l) => l.r.closed, width: 8 },
    { header: h('closedOnTime'), value: (l) => l.r.closedOnTime, width: 10 },
    { header: h('onTimeRate'), value: (l) => pct(l.r.onTimeRate), width: 10 },
    { header: h('rated'), value: (l) => l.r.rated, width: 8 },
    { header: h('satisfied'), value: (l) => l.r.satisfied, width: 14 },
    { header: h('satisfactionRate'), value: (l) => pct(l.r.satisfactionRate), width: 8 },
  ], lines);
}
