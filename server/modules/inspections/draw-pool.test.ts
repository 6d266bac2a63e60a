import { describe, expect, it } from 'vitest';
import { excludedInspectors } from './draw-pool.js';

/**
 *   root ─┬─ a ── a1
 *         └─ b
 */
const links = [
  ['root', 'root'], ['root', 'a'], ['root', 'a1'], ['root', 'b'], ['a', 'a'], ['a', 'a1'], ['a1', 'a1'], ['b', 'b'],
].map(([ancestor_id, descendant_id]) => ({ ancestor_id: ancestor_id!, descendant_id: descendant_id! }));

describe('excluded inspectors', () => {
  it('excludes whoever belongs to the org, an ancestor or a descendant, and no one else', () => {
    const people = new Map([
      ['p-root', ['root']],
      ['p-a', ['a']],
      ['p-a1', ['a1']],
      ['p-b', ['b']],
      ['p-b-and-a1', ['b', 'a1']],
    ]);
    expect(excludedInspectors(['a', 'a1', 'b'], links, people)).toEqual({
      a: ['p-a', 'p-a1', 'p-b-and-a1', 'p-root'],
      a1: ['p-a', 'p-a1', 'p-b-and-a1', 'p-root'],
      b: ['p-b', 'p-b-and-a1', 'p-root'],
    });
  });

  it('leaves out orgs with nobody to exclude', () => {
    expect(excludedInspectors(['b'], links, new Map([['p-a', ['a']]]))).toEqual({});
  });
});
