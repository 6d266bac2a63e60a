import { describe, expect, it } from 'vitest';
import { monthGrid } from './calendar-grid';

describe('monthGrid', () => {
  it('starts weeks on Monday and pads with the neighbouring months', () => {
    const feb2026 = monthGrid(2026, 1);
    expect(feb2026[0]?.[0]).toEqual({ date: '2026-01-26', day: 26, inMonth: false });
    expect(feb2026[0]?.[6]).toEqual({ date: '2026-02-01', day: 1, inMonth: true });
    expect(feb2026.flat().filter((c) => c.inMonth)).toHaveLength(28);
  });

  it('drops a trailing week that holds no day of the month', () => {
    expect(monthGrid(2026, 1)).toHaveLength(5);
    expect(monthGrid(2026, 2)).toHaveLength(6);
  });
});
