import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDraw, drawCommitment, verifyDraw } from './draw-algorithm.js';
import type { DrawPool } from './inspections.js';

const sm3 = (s: string) => crypto.createHash('sm3').update(s, 'utf8').digest('hex');
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const pool: DrawPool = {
  orgs: Array.from({ length: 8 }, (_, i) => ({ id: id(i + 1), name: `单位${i + 1}` })),
  inspectors: Array.from({ length: 6 }, (_, i) => ({ id: id(100 + i), name: `检查员${i + 1}` })),
  excluded: { [id(1)]: [id(100), id(101)], [id(2)]: [id(102)] },
  targetCount: 3,
  inspectorsPerTarget: 2,
};
const seed = 'a'.repeat(64);

describe('random draw algorithm', () => {
  it('is a pure function of the pool, the seed and the public entropy', () => {
    expect(computeDraw(sm3, pool, seed, null)).toEqual(computeDraw(sm3, structuredClone(pool), seed, null));
    expect(computeDraw(sm3, pool, seed, null)).not.toEqual(computeDraw(sm3, pool, 'b'.repeat(64), null));
    expect(computeDraw(sm3, pool, seed, 'lottery 2026-11-27 03 17 22')).not.toEqual(computeDraw(sm3, pool, seed, null));
  });

  it('selects by the documented rank, independent of the order the pool lists', () => {
    const rank = (label: string) => sm3(`${seed}|${label}`);
    const expected = [...pool.orgs].sort((a, b) => (rank(`org|${a.id}`) < rank(`org|${b.id}`) ? -1 : 1)).slice(0, 3).map((o) => o.id);
    const shuffled = { ...pool, orgs: [...pool.orgs].reverse(), inspectors: [...pool.inspectors].reverse() };
    const got = computeDraw(sm3, shuffled, seed, null);
    expect(got.map((s) => s.orgId)).toEqual(expected);
    expect(computeDraw(sm3, pool, seed, null)).toEqual(got);
  });

  it('never sends an excluded inspector to the org they are excluded from', () => {
    for (let i = 0; i < 50; i += 1) {
      const s = sm3(`seed-${i}`);
      for (const pick of computeDraw(sm3, { ...pool, targetCount: 8 }, s, null)) {
        for (const insp of pick.inspectorIds) expect(pool.excluded[pick.orgId] ?? []).not.toContain(insp);
        expect(pick.inspectorIds).toHaveLength(2);
      }
    }
  });

  it('commits to the seed without revealing it', () => {
    expect(drawCommitment(sm3, seed)).toBe(sm3(`qingfeng-draw-seed|${seed}`));
    expect(drawCommitment(sm3, seed)).not.toContain(seed);
  });
});

describe('verifying a published draw', () => {
  const selection = computeDraw(sm3, pool, seed, null);
  const published = { pool, seed, commitment: drawCommitment(sm3, seed), selection };

  it('accepts the draw as published', () => {
    expect(verifyDraw(sm3, published)).toEqual({ commitmentMatches: true, selectionMatches: true, recomputed: selection });
  });

  it('notices a changed seed, commitment, selection or pool', () => {
    expect(verifyDraw(sm3, { ...published, seed: 'b'.repeat(64) }).commitmentMatches).toBe(false);
    expect(verifyDraw(sm3, { ...published, commitment: sm3('x') })).toMatchObject({ commitmentMatches: false, selectionMatches: true });
    expect(verifyDraw(sm3, { ...published, selection: [...selection].reverse() }).selectionMatches).toBe(false);
    expect(verifyDraw(sm3, { ...published, selection: [{ ...selection[0]!, inspectorIds: [...selection[0]!.inspectorIds].reverse() }, ...selection.slice(1)] }).selectionMatches).toBe(false);
    expect(verifyDraw(sm3, { ...published, pool: { ...pool, excluded: {} } }).selectionMatches).toBe(false);
  });
});
