import { describe, expect, it } from 'vitest';
import { sortsAfterDrop } from './org-move';

const s = (...pairs: [string, number][]) => pairs.map(([id, sort]) => ({ id, sort }));

describe('sortsAfterDrop', () => {
  it('moves only the dropped org when there is room between its neighbours', () => {
    expect(sortsAfterDrop(s(['a', 10], ['m', 99], ['b', 20]), 'm')).toEqual(new Map([['m', 15]]));
    expect(sortsAfterDrop(s(['m', 5], ['a', 10]), 'm')).toEqual(new Map([['m', 5]]));
    expect(sortsAfterDrop(s(['a', 10], ['m', 0]), 'm')).toEqual(new Map([['m', 20]]));
    expect(sortsAfterDrop(s(['m', 3]), 'm')).toEqual(new Map([['m', 10]]));
  });

  it('renumbers the siblings when the neighbours leave no gap', () => {
    const out = sortsAfterDrop(s(['a', 10], ['m', 50], ['b', 11], ['c', 40]), 'm');
    expect([...out]).toEqual([['m', 20], ['b', 30]]);
    expect(sortsAfterDrop(s(['m', 7], ['a', 0]), 'm')).toEqual(new Map([['m', 10], ['a', 20]]));
  });
});
