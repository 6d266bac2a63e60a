import { dutyLevels, type DutyBoard, type DutyBoardQuery, type DutyLevel } from '../../../contracts/duty-letters.js';
import type { Ctx } from '../../platform/context.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { reader } from './duty-letters.policy.js';
import { boardRows } from './duty-letters.repo.js';

interface Cell {
  total: number;
  signed: number;
  rate: number;
}

const cell = (total: number, signed: number): Cell => ({ total, signed, rate: total ? signed / total : 0 });

/** 签订率 per level and per org: letters every party has signed over letters issued, current letters only. */
export async function signingBoard(ctx: Ctx, q: DutyBoardQuery): Promise<DutyBoard> {
  const rows = await boardRows(ctx.deps.db, reader(ctx), q.year, q.orgId);
  const count = (pred: (r: (typeof rows)[number]) => boolean) => {
    const of = rows.filter(pred);
    return cell(of.length, of.filter((r) => r.status === 'signed').length);
  };
  const orgKeys = new Map<string, (typeof rows)[number]>();
  for (const r of rows) orgKeys.set(`${r.org_id}|${r.level}`, r);
  const orgs = [...orgKeys.values()]
    .sort((a, b) => dutyLevels.indexOf(a.level) - dutyLevels.indexOf(b.level) || a.org_sort - b.org_sort || a.org_name.localeCompare(b.org_name))
    .map((o) => ({ org: { id: o.org_id, name: o.org_name }, level: o.level, ...count((r) => r.org_id === o.org_id && r.level === o.level) }));
  return {
    year: q.year,
    levels: dutyLevels.map((level) => ({ level, ...count((r) => r.level === level) })),
    orgs,
    totals: count(() => true),
  };
}

export async function exportBoard(ctx: Ctx, q: DutyBoardQuery, locale: Locale): Promise<Buffer> {
  const board = await signingBoard(ctx, q);
  const h = (k: string) => t(locale, `duty-letters.board.${k}`);
  const level = (l: DutyLevel) => t(locale, `duty-letters.levels.${l}`);
  const pct = (c: Cell) => `${(c.rate * 100).toFixed(1)}%`;
  const rows = [
    ...board.orgs.map((o) => ({ total: o.total, signed: o.signed, level: level(o.level), org: o.org.name, rate: pct(o) })),
    ...board.levels.map((l) => ({ total: l.total, signed: l.signed, level: level(l.level), org: h('levelTotal'), rate: pct(l) })),
    { total: board.totals.total, signed: board.totals.signed, level: h('allLevels'), org: h('allOrgs'), rate: pct(board.totals) },
  ];
  return writeWorkbook(
    t(locale, 'duty-letters.board.sheet', { year: q.year }),
    [
      { header: h('level'), value: (r) => r.level, width: 14 },
      { header: h('org'), value: (r) => r.org, width: 28 },
      { header: h('total'), value: (r) => r.total, width: 10 },
      { header: h('signed'), value: (r) => r.signed, width: 10 },
      { header: h('rate'), value: (r) => r.rate, width: 10 },
    ],
    rows,
  );
}
