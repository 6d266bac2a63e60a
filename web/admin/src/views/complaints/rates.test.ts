import { describe, expect, it } from 'vitest';
import type { ComplaintStatsRow } from '../../api/complaints';
import { percent, rateCell, rateChart } from './rates';

function row(p: Partial<ComplaintStatsRow>): ComplaintStatsRow {
  return { key: 'k', label: 'L', total: 10, answered: 10, closedOnTime: 5, closed: 5, rated: 4, satisfied: 4, replyRate: 1, onTimeRate: 1, satisfactionRate: 1, ...p };
}

describe('complaint rates', () => {
  it('round to one decimal', () => {
    expect(percent(0.92345)).toBe(92.3);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
  });

  it('mark 回复率 under 92 % and 满意率 under 85 %, comparing the unrounded rate', () => {
    expect(rateCell(row({ replyRate: 0.9199 }), 'replyRate')).toEqual({ value: 92, below: true });
    expect(rateCell(row({ replyRate: 0.92 }), 'replyRate')).toEqual({ value: 92, below: false });
    expect(rateCell(row({ satisfactionRate: 0.84 }), 'satisfactionRate')).toEqual({ value: 84, below: true });
    expect(rateCell(row({ satisfactionRate: 0.85 }), 'satisfactionRate').below).toBe(false);
  });

  it('never mark 按期办结率, which has no target', () => {
    expect(rateCell(row({ onTimeRate: 0.1 }), 'onTimeRate')).toEqual({ value: 10, below: false });
  });

  it('show no rate, and no warning, when nothing was counted', () => {
    expect(rateCell(row({ rated: 0, satisfactionRate: 0 }), 'satisfactionRate')).toEqual({ value: null, below: false });
    expect(rateCell(row({ closed: 0, onTimeRate: 0 }), 'onTimeRate')).toEqual({ value: null, below: false });
    expect(rateCell(row({ total: 0, replyRate: 0 }), 'replyRate')).toEqual({ value: null, below: false });
  });

  it('chart rows with complaints only, one series per rate with gaps for missing rates', () => {
    const chart = rateChart([row({ label: 'A', replyRate: 0.5 }), row({ label: 'B', total: 0 }), row({ label: 'C', rated: 0 })], (r) => r.label);
    expect(chart.categories).toEqual(['A', 'C']);
    expect(chart.series.map((s) => s.field)).toEqual(['onTimeRate', 'replyRate', 'satisfactionRate']);
    expect(chart.series[1]?.values).toEqual([50, 100]);
    expect(chart.series[2]?.values).toEqual([100, null]);
  });
});
