import { verifyDraw, type Sm3Hex } from '../../../../../contracts/draw-algorithm';
import type { DrawPool, DrawSelection, DrawVerification, RandomDraw, VerifyDraw } from '../../api/inspections';

/** What anyone needs to recompute a draw: the published pool and commitment, the revealed seed and the result. Null before the reveal. */
export function publishedDraw(d: RandomDraw): VerifyDraw | null {
  if (d.status !== 'drawn' || !d.seed || !d.selection) return null;
  return { pool: d.pool, seed: d.seed, publicEntropy: d.publicEntropy, commitment: d.commitment, selection: d.selection };
}

/**
 * SM3 in the browser, loaded only when someone verifies. The browser never asks the server for the hash:
 * the point of the check is that it does not trust the server.
 */
export async function browserSm3(): Promise<Sm3Hex> {
  const { sm3 } = await import('sm-crypto-v2');
  return (text) => sm3(text);
}

/** Recomputes a published draw with the published algorithm (contracts/draw-algorithm.ts). */
export function recompute(sm3: Sm3Hex, published: VerifyDraw): DrawVerification {
  return verifyDraw(sm3, published);
}

export interface NamedPick {
  orgId: string;
  org: string;
  inspectors: string[];
}

/** A selection with the pool's names; an id the pool does not name stays visible as the id. */
export function namedSelection(pool: DrawPool, selection: DrawSelection): NamedPick[] {
  const org = new Map(pool.orgs.map((o) => [o.id, o.name]));
  const person = new Map(pool.inspectors.map((p) => [p.id, p.name]));
  return selection.map((s) => ({ orgId: s.orgId, org: org.get(s.orgId) ?? s.orgId, inspectors: s.inspectorIds.map((i) => person.get(i) ?? i) }));
}

/** For each pool org, in pool order, the inspectors who may not inspect it (their own org or its chain). */
export function exclusions(pool: DrawPool): { org: string; inspectors: string[] }[] {
  const person = new Map(pool.inspectors.map((p) => [p.id, p.name]));
  return pool.orgs
    .filter((o) => (pool.excluded[o.id]?.length ?? 0) > 0)
    .map((o) => ({ org: o.name, inspectors: (pool.excluded[o.id] ?? []).map((i) => person.get(i) ?? i) }));
}

/** The 公示文件: the draw exactly as the API publishes it, which `qingfeng draw verify <file>` reads. */
export function drawFile(d: RandomDraw): { name: string; blob: Blob } {
  const stamp = (d.drawnAt ?? d.committedAt).slice(0, 10);
  return { name: `draw-${stamp}-${d.id.slice(-8)}.json`, blob: new Blob([`${JSON.stringify(d, null, 2)}\n`], { type: 'application/json' }) };
}
