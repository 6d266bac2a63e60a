import type { DrawPool, DrawSelection, DrawVerification } from './inspections.js';

/**
 * The published, deterministic algorithm of a random draw (双随机), version 1. It runs unchanged on the
 * server, in the CLI and in the browser; only the SM3 implementation is passed in.
 *
 *   commitment = SM3("qingfeng-draw-seed|" + seed)                      published before the draw
 *   key        = publicEntropy ? SM3(seed + "|" + publicEntropy) : seed
 *   rank(x)    = SM3(key + "|" + x)                                      64 lower-case hex digits
 *   targets    = the `targetCount` orgs of the pool with the smallest rank("org|" + orgId)
 *   inspectors = for each target t, in that order: the `inspectorsPerTarget` pool inspectors not in
 *                excluded[t] with the smallest rank("inspector|" + t + "|" + inspectorId)
 * Ties (equal ranks, practically impossible) fall back to the id, ascending.
 */
export const DRAW_ALGORITHM = 'qingfeng-draw-v1 (SM3 rank)';

export type Sm3Hex = (text: string) => string;

export function drawCommitment(sm3: Sm3Hex, seed: string): string {
  return sm3(`qingfeng-draw-seed|${seed}`);
}

function smallest<T extends { id: string }>(items: T[], n: number, rank: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, r: rank(item) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : a.item.id < b.item.id ? -1 : 1))
    .slice(0, n)
    .map((x) => x.item);
}

export function computeDraw(sm3: Sm3Hex, pool: DrawPool, seed: string, publicEntropy: string | null): DrawSelection {
  const key = publicEntropy ? sm3(`${seed}|${publicEntropy}`) : seed;
  const rank = (label: string) => sm3(`${key}|${label}`);
  const targets = smallest(pool.orgs, pool.targetCount, (o) => rank(`org|${o.id}`));
  return targets.map((t) => {
    const excluded = new Set(pool.excluded[t.id] ?? []);
    const eligible = pool.inspectors.filter((p) => !excluded.has(p.id));
    return { orgId: t.id, inspectorIds: smallest(eligible, pool.inspectorsPerTarget, (p) => rank(`inspector|${t.id}|${p.id}`)).map((p) => p.id) };
  });
}

export interface PublishedDraw {
  pool: DrawPool;
  seed: string;
  publicEntropy?: string | null;
  commitment: string;
  selection: DrawSelection;
}

/** Recomputes a published draw: the commitment must be SM3 of the revealed seed, the selection the algorithm's. */
export function verifyDraw(sm3: Sm3Hex, d: PublishedDraw): DrawVerification {
  const recomputed = computeDraw(sm3, d.pool, d.seed, d.publicEntropy ?? null);
  const canonical = (s: DrawSelection) => JSON.stringify(s.map((x) => [x.orgId, x.inspectorIds]));
  return { commitmentMatches: drawCommitment(sm3, d.seed) === d.commitment, selectionMatches: canonical(recomputed) === canonical(d.selection), recomputed };
}
