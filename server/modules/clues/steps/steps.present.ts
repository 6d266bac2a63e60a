import type { ClueStep } from '../../../../contracts/clues.js';
import type { Deps } from '../../../platform/context.js';
import type { SignerKeys } from '../../../platform/signing/signer-keys.js';
import type { StepFacts } from './steps.chain.js';
import type { ClueStepTable } from './steps.tables.js';
import { openFacts, stepFaults } from './steps.verify.js';

/**
 * One step for the timeline. `signed` says the step as shown is what its actor signed (facts, hash,
 * signature and key all check); facts that no longer match their hash show as empty, so a tampered log still
 * renders, shows nothing forged, and the verifier says what broke.
 */
export function presentStep(deps: Pick<Deps, 'crypto' | 'keys'>, keys: SignerKeys, names: Map<string, string>, row: ClueStepTable): ClueStep {
  const canonical = openFacts(deps, row);
  const intact = canonical !== null && deps.crypto.sm3(canonical) === row.facts_hash;
  const facts: StepFacts = intact ? (Object.fromEntries(JSON.parse(canonical) as [string, StepFacts[string]][]) as StepFacts) : {};
  const actor = row.actor_account_id;
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    kind: row.kind,
    actor: actor === null ? null : { id: actor, name: names.get(actor) ?? '' },
    facts,
    prevHash: row.prev_hash,
    hash: row.hash,
    signed: stepFaults(deps, keys, row).length === 0,
  };
}
