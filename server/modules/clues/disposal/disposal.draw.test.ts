import { describe, expect, it } from 'vitest';
import { drawSize, pickRandom, quarterRange } from './disposal.draw.js';
import { addMonths } from './disposal.outcome.js';

describe('spot-check draw arithmetic', () => {
  it('draws 15 % rounded up, never more than there are', () => {
    expect([0, 1, 6, 7, 20, 21].map((n) => drawSize(n, 15))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(drawSize(3, 100)).toBe(3);
  });

  it('picks distinct indexes, and every index can be picked', () => {
    const seen = new Set<number>();
    for (let run = 0; run < 200; run += 1) {
      const picked = pickRandom(10, 3);
      expect(new Set(picked).size).toBe(3);
      for (const i of picked) {
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(10);
        seen.add(i);
      }
    }
    expect(seen.size).toBe(10);
    expect(pickRandom(0, 0)).toEqual([]);
  });

  it('knows the days of each quarter', () => {
    expect(quarterRange(2026, 1)).toEqual(['2026-01-01', '2026-03-31']);
    expect(quarterRange(2026, 2)).toEqual(['2026-04-01', '2026-06-30']);
    expect(quarterRange(2028, 1)).toEqual(['2028-01-01', '2028-03-31']);
    expect(quarterRange(2026, 4)).toEqual(['2026-10-01', '2026-12-31']);
  });
});

describe('effect periods', () => {
  it('add calendar months and keep to the month end where the month is shorter', () => {
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
    expect(addMonths('2026-08-31', 18)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
