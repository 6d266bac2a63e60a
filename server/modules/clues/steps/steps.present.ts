import type { ClueStep } from '../../../../contracts/clues.js';
import type { Deps } from '../../../platform/context.js';
import type { SignerKeys } from '../../../platform/signing/signer-keys.js';
import type { StepFacts } from './steps.chain.js';
import type { ClueStepTable } from './steps.tables.js';
import { openFacts, stepFaults } from './steps.verify.js';

/**
 * One step for the timeline. `signed` says its signature verifies under a key its actor held; facts that
 * no longer open show as empty, so a tampered log still renders and the verifier says why.
 */
export function presentStep(deps: Pick<Deps, 'crypto' | 'keys'>, keys: SignerKeys, names: Map<string, string>, row: ClueStepTable): ClueStep {
  const canonical = openFacts(deps, row);
  const facts: StepFacts = canonical === null ? {} : (Object.fromEntries(JSON.parse(canonical) as [string, StepFacts[string]][]) as StepFacts);
  const faults = stepFaults(deps, keys, row);
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
    signed: !faults.includes('signature') && !faults.includes('key'),
  };
}
