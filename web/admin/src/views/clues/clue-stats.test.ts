import { describe, expect, it } from 'vitest';
import { quarterOf, statsRows } from './clue-stats';

const names: Record<string, string> = { 'clues.sources.letter': '来信', 'clues.stats.notYet': '尚未处置' };
const t = (k: string) => names[k] ?? `?${k}`;
const known = (k: string) => k in names;

describe('clue statistics rows', () => {
  it('name known codes, say 尚未处置 for the server key none, keep unknown codes and give shares of the total', () => {
    const stats = { year: 2026, quarter: 1, total: 3, bySource: [{ key: 'letter', count: 2 }, { key: 'fax', count: 1 }], byMethod: [{ key: 'none', count: 3 }], byForm: [], byCategory: [] };
    expect(statsRows(stats, 'bySource', t, known)).toEqual([
      { key: 'letter', label: '来信', count: 2, share: 66.7 },
      { key: 'fax', label: 'fax', count: 1, share: 33.3 },
    ]);
    expect(statsRows(stats, 'byMethod', t, known)[0]?.label).toBe('尚未处置');
    expect(statsRows({ ...stats, total: 0 }, 'bySource', t, known)[0]?.share).toBeNull();
  });

  it('put each month in its quarter', () => {
    expect([0, 2, 3, 5, 6, 8, 9, 11].map(quarterOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
