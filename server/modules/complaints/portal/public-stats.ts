import type { Static } from 'typebox';
import type { PublicStatsRow } from '../../../../contracts/complaints.js';

/** One org's or category's complaints: how many, how many replied to (answered or reasoned 不予受理), rated, and rated 满意 or 基本满意 (latest round). */
export interface StatsCell {
  label: string;
  total: number;
  answered: number;
  rated: number;
  satisfied: number;
}

const rate = (part: number, whole: number) => Math.round((part / whole) * 1000) / 1000;

type Row = Static<typeof PublicStatsRow>;

/**
 * The cells to hide in one table: every cell under `minCell` (primary suppression), then the smallest shown
 * cells until the hidden group is itself safe to be known as a sum: at least two cells, adding up to at
 * least `minCell`, and not pinning each cell down (all 1, or all `minCell - 1` when every hidden cell is a
 * small one). `hideSome` starts the group even when no cell is small.
 */
function hiddenCells(cells: StatsCell[], minCell: number, hideSome: boolean): Set<number> {
  const primary = new Set(cells.flatMap((c, i) => (c.total < minCell ? [i] : [])));
  const hidden = new Set(primary);
  const exposed = () => {
    if (hidden.size === 0) return hideSome;
    const sum = [...hidden].reduce((s, i) => s + cells[i]!.total, 0);
    const allPrimary = [...hidden].every((i) => primary.has(i));
    return hidden.size < 2 || sum < minCell || sum === hidden.size || (allPrimary && sum === hidden.size * (minCell - 1));
  };
  while (exposed()) {
    const shown = cells.map((c, i) => ({ c, i })).filter(({ i }) => !hidden.has(i));
    if (shown.length === 0) break;
    hidden.add(shown.reduce((a, b) => (b.c.total < a.c.total ? b : a)).i);
  }
  return hidden;
}

function present(cells: StatsCell[], hidden: Set<number>, minCell: number): Row[] {
  return cells.map((c, i) =>
    hidden.has(i)
      ? { label: c.label, total: null, replyRate: null, satisfactionRate: null, suppressed: true }
      : { label: c.label, total: c.total, replyRate: rate(c.answered, c.total), satisfactionRate: c.rated >= minCell ? rate(c.satisfied, c.rated) : null, suppressed: false },
  );
}

/**
 * Public statistics: several tables (per org, per category) that each split the same complaints. Every
 * cell with fewer than `minCell` complaints is hidden, and the hidden cells must not be computable from
 * what is shown. The portal publishes no grand total, but a table without hidden cells gives it away, and
 * with it the sum of another table's hidden cells; so each table's hidden group must be safe to be known
 * as a sum (see hiddenCells), and as soon as one table hides anything every table hides something, which
 * keeps the grand total itself unknown. Rows keep their catalogue order (never sorted by count, which
 * would place the hidden ones), and a satisfaction rate over fewer than `minCell` ratings is withheld: it
 * would tell one reporter's rating.
 */
export function suppressTables(tables: StatsCell[][], minCell: number): Row[][] {
  let hidden = tables.map((cells) => hiddenCells(cells, minCell, false));
  if (hidden.some((h) => h.size > 0)) hidden = tables.map((cells) => hiddenCells(cells, minCell, true));
  return tables.map((cells, i) => present(cells, hidden[i]!, minCell));
}
