import type { ClueExportQuery, ClueSummary } from '../../../contracts/clues.js';
import type { Ctx } from '../../platform/context.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook, type Column } from '../../platform/excel/excel.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { summarize } from './clues.list.js';
import { viewerOf } from './clues.recusal.js';
import * as repo from './clues.repo.js';

/** More rows than any unit's clues in years; a bound so one request cannot build an unbounded sheet. */
const EXPORT_MAX_ROWS = 5000;

/** 张三 → 张*: a sheet travels further than the screen, so the reported person shows by surname only. */
export function maskName(name: string | null): string {
  if (!name) return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const tr = (l: Locale, k: string) => t(l, `clues.${k}`);

/**
 * One ledger (or the register) as a sheet, from the caller's own clues. The reporter appears only as
 * 实名/匿名, the reported person masked. The export is audited as an action without naming any clue.
 */
export async function exportClues(ctx: Ctx, q: ClueExportQuery, locale: Locale): Promise<Buffer> {
  const db = ctx.deps.db;
  const v = await viewerOf(db, ctx);
  const rows = v ? await summarize(db, ctx, v, await repo.listClues(db, ctx.tenantId, v, q, EXPORT_MAX_ROWS, 0)) : [];
  const h = (k: string) => tr(locale, `export.${k}`);
  const columns: Column<ClueSummary>[] = [
    { header: h('code'), value: (r) => r.code, width: 16 },
    { header: h('receivedOn'), value: (r) => r.receivedOn, width: 12 },
    { header: h('source'), value: (r) => tr(locale, `source.${r.source}`), width: 14 },
    { header: h('named'), value: (r) => h(r.named ? 'namedYes' : 'namedNo'), width: 8 },
    { header: h('reportedName'), value: (r) => maskName(r.reportedName), width: 10 },
    { header: h('reportedOrg'), value: (r) => r.reportedOrg?.name ?? '', width: 20 },
    { header: h('reportedLevel'), value: (r) => tr(locale, `level.${r.reportedLevel}`), width: 10 },
    { header: h('category'), value: (r) => tr(locale, `category.${r.category}`), width: 12 },
    { header: h('summary'), value: (r) => r.summary ?? '', width: 40 },
    { header: h('status'), value: (r) => tr(locale, `status.${r.status}`), width: 12 },
    { header: h('scopeDecidedOn'), value: (r) => r.scopeDecidedOn ?? '', width: 12 },
    { header: h('method'), value: (r) => (r.method ? tr(locale, `method.${r.method}`) : ''), width: 14 },
    { header: h('owner'), value: (r) => r.owner?.name ?? '', width: 12 },
    { header: h('nextClock'), value: (r) => (r.nextClock ? `${tr(locale, `clock.${r.nextClock.kind}`)} ${r.nextClock.due}` : ''), width: 20 },
    { header: h('closedOn'), value: (r) => r.closedOn ?? '', width: 12 },
    { header: h('form'), value: (r) => (r.form ? tr(locale, `form.${r.form}`) : ''), width: 12 },
    { header: h('measure'), value: (r) => (r.measure ? t(locale, `clue-disposal.measures.${r.measure}`) : ''), width: 14 },
    { header: h('acceptanceNoticeOn'), value: (r) => r.acceptanceNoticeOn ?? '', width: 12 },
    { header: h('resultNoticeOn'), value: (r) => r.resultNoticeOn ?? '', width: 12 },
  ];
  const buf = await writeWorkbook(tr(locale, q.ledger ? `ledger.${q.ledger}` : 'export.title'), columns, rows);
  // No row count in the record: the audit administrator must not learn how many clues anyone holds.
  await transact(ctx, (tx) => writeAudit(tx, ctx, { action: 'clue.export', objectType: 'clue' }));
  return buf;
}
