import type { Static } from 'typebox';
import type { PublicStatsRow } from '../../../../contracts/complaints.js';

/** One org's or category's complaints: how many, how many answered, rated, and rated 满意 or 基本满意 (latest round). */
export interface StatsCell {
  label: string;
  total: number;
  answered: number;
  rated: number;
  satisfied: number;
}

const rate = (part: number, whole: number) => Math.round((part / whole) * 1000) / 1000;

/**
 * Public statistics hide every cell with fewer than `minCell` complaints (primary suppression), and then
 * make sure the hidden cells cannot be worked out from what is shown (complementary suppression).
 *
 * The portal publishes no grand total, but each table partitions the same complaints, so a table without
 * hidden cells gives the total away, and with it the sum of the hidden cells of the other table. So in
 * each table the hidden group must itself be safe to publish: at least two cells, adding up to at least
 * `minCell`, and not pinning each cell down (all 1, or all `minCell - 1` when every hidden cell is a small
 * one). Until it is, the smallest shown cell is hidden too. Rows keep their catalogue order (never sorted
 * by count, which would place the hidden ones), and a satisfaction rate over fewer than `minCell` ratings
 * is withheld: it would tell one reporter's rating.
 */
export function suppressSmallCells(cells: StatsCell[], minCell: number): Static<typeof PublicStatsRow>[] {
  const primary = new Set(cells.flatMap((c, i) => (c.total < minCell ? [i] : [])));
  const hidden = new Set(primary);
  const exposed = () => {
    if (hidden.size === 0) return false;
    const sum = [...hidden].reduce((s, i) => s + cells[i]!.total, 0);
    const allPrimary = [...hidden].every((i) => primary.has(i));
    return hidden.size < 2 || sum < minCell || sum === hidden.size || (allPrimary && sum === hidden.size * (minCell - 1));
  };
  while (exposed()) {
    const shown = cells.map((c, i) => ({ c, i })).filter(({ i }) => !hidden.has(i));
    if (shown.length === 0) break;
    hidden.add(shown.reduce((a, b) => (b.c.total < a.c.total ? b : a)).i);
  }
  return cells.map((c, i) =>
    hidden.has(i)
      ? { label: c.label, total: null, replyRate: null, satisfactionRate: null, suppressed: true }
      : { label: c.label, total: c.total, replyRate: rate(c.answered, c.total), satisfactionRate: c.rated >= minCell ? rate(c.satisfied, c.rated) : null, suppressed: false },
  );
}
