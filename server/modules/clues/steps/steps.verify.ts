import type { Db, Deps, Tx } from '../../../platform/context.js';
import { loadSignerKeys, type SignerKeys } from '../../../platform/signing/signer-keys.js';
import { verifySignature } from '../../../platform/signing/verify-memo.js';
import { factsAad, GENESIS, stepHash, stepMessage } from './steps.chain.js';
import { clueHead, stepRows } from './steps.repo.js';
import type { ClueStepTable } from './steps.tables.js';

export type StepProblemKind = 'gap' | 'hash' | 'signature' | 'key' | 'head';
export interface StepProblem {
  seq: number;
  kind: StepProblemKind;
}
export interface StepVerification {
  ok: boolean;
  steps: number;
  problems: StepProblem[];
}

type CryptoDeps = Pick<Deps, 'crypto' | 'keys'>;

/** The facts' canonical text, or null when the envelope no longer opens (altered or moved from another step). */
export function openFacts(deps: CryptoDeps, row: ClueStepTable): string | null {
  try {
    return deps.crypto.decrypt(row.tenant_id, row.facts_enc, factsAad(row.id));
  } catch {
    return null;
  }
}

/** What is wrong with one step taken alone: its facts, its own hash, its signature, its key. */
export function stepFaults(deps: CryptoDeps, keys: SignerKeys, row: ClueStepTable): StepProblemKind[] {
  const faults: StepProblemKind[] = [];
  const facts = openFacts(deps, row);
  if (facts === null || deps.crypto.sm3(facts) !== row.facts_hash || stepHash(deps.crypto.sm3, row) !== row.hash) faults.push('hash');
  if (!verifySignature(deps.crypto, row.public_key, stepMessage(row.tenant_id, row.clue_id, Number(row.seq), row.hash), row.signature)) faults.push('signature');
  if (!keys.held(row.actor_account_id, row.public_key, row.at)) faults.push('key');
  return faults;
}

export async function signerKeysFor(db: Db | Tx, deps: CryptoDeps, tenantId: string, rows: readonly ClueStepTable[]): Promise<SignerKeys> {
  return loadSignerKeys(db, deps, tenantId, rows.flatMap((r) => (r.actor_account_id ? [r.actor_account_id] : [])));
}

/**
 * Walks a clue's whole log and names every problem: a missing number (gap), facts or a hash that no longer
 * match or a broken link (hash), a signature that fails (signature), a key that was not the actor's
 * (key), and a log that ends elsewhere than the clue row says (head: a removed or added last step).
 */
export async function verifyClueSteps(db: Db | Tx, deps: CryptoDeps, tenantId: string, clueId: string): Promise<StepVerification> {
  const rows = await stepRows(db, tenantId, clueId);
  const keys = await signerKeysFor(db, deps, tenantId, rows);
  const problems: StepProblem[] = [];
  let prev = GENESIS;
  let expected = 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    const faults = stepFaults(deps, keys, row);
    if (seq !== expected) problems.push({ seq: expected, kind: 'gap' });
    else if (row.prev_hash !== prev && !faults.includes('hash')) faults.unshift('hash');
    for (const kind of faults) problems.push({ seq, kind });
    prev = row.hash;
    expected = seq + 1;
  }
  const last = expected - 1;
  const head = await clueHead(db, tenantId, clueId);
  if (head && (head.count !== last || (head.head || GENESIS) !== prev)) problems.push({ seq: Math.max(head.count, last), kind: 'head' });
  return { ok: problems.length === 0, steps: rows.length, problems };
}
