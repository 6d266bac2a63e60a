import { describe, expect, it } from 'vitest';
import { suppressTables, type StatsCell } from './public-stats.js';

const cell = (label: string, total: number, answered = total, rated = 0, satisfied = 0): StatsCell => ({ label, total, answered, rated, satisfied });
const one = (cells: StatsCell[], min = 5) => suppressTables([cells], min)[0]!;
const hiddenOf = (cells: StatsCell[], min = 5) =>
  one(cells, min)
    .filter((r) => r.suppressed)
    .map((r) => r.label);

describe('public statistics suppression', () => {
  it('shows cells of at least the minimum with their rates', () => {
    expect(one([cell('甲', 12, 9, 6, 5), cell('乙', 5, 5, 2, 2)])).toEqual([
      { label: '甲', total: 12, replyRate: 0.75, satisfactionRate: 0.833, suppressed: false },
      { label: '乙', total: 5, replyRate: 1, satisfactionRate: null, suppressed: false },
    ]);
  });

  it('hides a small cell without any count or rate', () => {
    const [, , small] = one([cell('甲', 30), cell('乙', 20), cell('丙', 3)]);
    expect(small).toEqual({ label: '丙', total: null, replyRate: null, satisfactionRate: null, suppressed: true });
  });

  it('never leaves a single hidden cell: the next smallest is hidden with it', () => {
    expect(hiddenOf([cell('甲', 30), cell('乙', 8), cell('丙', 3)])).toEqual(['乙', '丙']);
    expect(hiddenOf([cell('甲', 10), cell('乙', 3)])).toEqual(['甲', '乙']);
  });

  it('hides more until the hidden group is itself at least the minimum', () => {
    expect(hiddenOf([cell('甲', 30), cell('乙', 9), cell('丙', 1), cell('丁', 1)])).toEqual(['乙', '丙', '丁']);
  });

  it('does not let the group pin each cell down (all ones, or all at the largest hidden value)', () => {
    expect(hiddenOf([cell('甲', 40), ...['乙', '丙', '丁', '戊', '己'].map((l) => cell(l, 1))])).toEqual(['甲', '乙', '丙', '丁', '戊', '己']);
    expect(hiddenOf([cell('甲', 40), cell('乙', 4), cell('丙', 4)])).toEqual(['甲', '乙', '丙']);
    expect(hiddenOf([cell('甲', 40), cell('乙', 2), cell('丙', 3)])).toEqual(['乙', '丙']);
  });

  it('hides in every table once one table hides anything, so no table gives the grand total away', () => {
    const [byOrg, byCategory] = suppressTables([[cell('甲', 30), cell('乙', 20), cell('丙', 3)], [cell('A', 40), cell('B', 13)]], 5);
    expect(byOrg!.map((r) => r.suppressed)).toEqual([false, true, true]);
    expect(byCategory!.map((r) => r.suppressed)).toEqual([true, true]);
    const untouched = suppressTables([[cell('甲', 30), cell('乙', 20)], [cell('A', 40), cell('B', 10)]], 5);
    expect(untouched.flat().some((r) => r.suppressed)).toBe(false);
  });

  it('over many random complaint sets: the grand total is never shown, and each partly hidden table hides a safe sum', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const min = 5;
    for (let t = 0; t < 3000; t += 1) {
      const n = 1 + Math.floor(next() * 60);
      const orgs = 1 + Math.floor(next() * 8);
      const cats = 1 + Math.floor(next() * 6);
      const byOrg = new Map<number, number>();
      const byCat = new Map<number, number>();
      for (let i = 0; i < n; i += 1) {
        const o = Math.floor(next() ** 2 * orgs);
        const c = Math.floor(next() * cats);
        byOrg.set(o, (byOrg.get(o) ?? 0) + 1);
        byCat.set(c, (byCat.get(c) ?? 0) + 1);
      }
      const tables = [byOrg, byCat].map((m) => [...m].map(([k, v]) => cell(String(k), v)));
      const shown = suppressTables(tables, min);
      const label = JSON.stringify(tables.map((cells) => cells.map((c) => c.total)));
      const anyHidden = shown.flat().some((r) => r.suppressed);
      for (const [i, rows] of shown.entries()) {
        const hidden = rows.flatMap((r, j) => (r.suppressed ? [tables[i]![j]!.total] : []));
        if (anyHidden) expect(hidden.length, `table ${i} of ${label} hides nothing`).toBeGreaterThan(0);
        // A table hidden whole says nothing but that its total is the unknown grand total.
        if (hidden.length === 0 || hidden.length === rows.length) continue;
        const sum = hidden.reduce((a, b) => a + b, 0);
        const pinned = hidden.length === 1 || sum === hidden.length || (hidden.every((v) => v < min) && sum === hidden.length * (min - 1));
        expect(pinned, `table ${i} of ${label}`).toBe(false);
        expect(sum, label).toBeGreaterThanOrEqual(min);
      }
    }
  });

  it('withholds a satisfaction rate resting on fewer ratings than the minimum', () => {
    const [row] = one([cell('甲', 20, 18, 4, 0)]);
    expect(row).toMatchObject({ total: 20, replyRate: 0.9, satisfactionRate: null });
  });
});
