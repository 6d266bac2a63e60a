import { GENESIS } from '../../../platform/audit/chain.js';
import type { ClueStepTable } from './steps.tables.js';

export { GENESIS };

export type StepFact = string | number | boolean | null;
/** Ids, dates, enums, counts and SM3 hashes of free text: never content or anyone's identity. */
export type StepFacts = Record<string, StepFact | StepFact[]>;

/** Sorted keys, so the same facts hash the same whatever order a caller built them in. */
export function canonicalFacts(facts: StepFacts): string {
  return JSON.stringify(Object.keys(facts).sort().map((k) => [k, facts[k]]));
}

type Chained = Omit<ClueStepTable, 'hash' | 'signature' | 'public_key' | 'facts_enc'>;

/** Fixed field order, so a step hashes the same on either database; the signature binds the key. */
export function stepHash(sm3: (s: string) => string, r: Chained): string {
  const canonical = JSON.stringify([
    r.tenant_id, r.clue_id, Number(r.seq), r.id, r.at, r.actor_account_id, r.kind, r.facts_hash, r.prev_hash,
  ]);
  return sm3(`${r.prev_hash}\n${canonical}`);
}

/** The exact text each step's signature covers; the signature export hands it out for openssl. */
export function stepMessage(tenantId: string, clueId: string, seq: number, hash: string): string {
  return `qingfeng-clue-step|${tenantId}|${clueId}|${seq}|${hash}`;
}

export const factsAad = (stepId: string) => `clue_step:facts:${stepId}`;
