import { describe, expect, it } from 'vitest';
import { formatRate } from './stats';

describe('public statistics', () => {
  it('show rates (fractions from the server) as percentages, and no rate as a dash', () => {
    expect(formatRate(0.923)).toBe('92.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(0.8567)).toBe('85.7%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});
