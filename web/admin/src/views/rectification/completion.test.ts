import { describe, expect, it } from 'vitest';
import { completionBars, percent, progressStatus } from './completion';

describe('completion', () => {
  const row = (orgName: string, total: number, closed: number, overdue: number) => ({ orgId: orgName, orgName, total, closed, open: total - closed, overdue, completionRate: total ? closed / total : 0 });

  it('rounds the rate to one decimal percent', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
  });

  it('paints finished orgs green and orgs with overdue items red', () => {
    expect(progressStatus(row('a', 4, 4, 0))).toBe('success');
    expect(progressStatus(row('b', 4, 1, 2))).toBe('exception');
    expect(progressStatus(row('c', 4, 1, 0))).toBeUndefined();
    expect(progressStatus(row('d', 0, 0, 0))).toBeUndefined();
  });

  it('charts orgs with items, best first', () => {
    expect(completionBars([row('闸站所', 4, 1, 0), row('办公室', 0, 0, 0), row('财务股', 3, 3, 0)])).toEqual([
      { name: '财务股', value: 100 },
      { name: '闸站所', value: 25 },
    ]);
  });
});
