import type { ClueStepKind } from '../../../../contracts/clues.js';
import type { Ctx, Tx } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { signerFor } from '../../../platform/signing/sign.js';
import { canonicalFacts, factsAad, stepHash, stepMessage, type StepFacts } from './steps.chain.js';
import { claimStep, setHead } from './steps.head.js';

/** Long enough for ids, dates, codes, enums, a body's name and a 64-hex hash; too short for a letter's text. */
const MAX_FACT_LENGTH = 200;

function checkFacts(facts: StepFacts): void {
  for (const [key, value] of Object.entries(facts)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const ok = v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_FACT_LENGTH);
      if (!ok) throw new Error(`step fact ${key} is not a short structured value`);
    }
  }
}

/** SM3 of a free text (a reason, an opinion), for a step's facts: proves later which text stood, shows none of it. */
export function digestText(ctx: Ctx, text: string): string {
  return ctx.deps.crypto.sm3(text.normalize('NFC'));
}

export interface AppendedStep {
  id: string;
  seq: number;
  hash: string;
}

/**
 * Appends one signed step to the clue's log inside the caller's transaction, as the acting user (their own
 * SM2 key) or the system (the audit key). Facts are sealed; the clue row keeps the count and head hash so
 * that a removed last step shows.
 */
export async function appendClueStep(tx: Tx, ctx: Ctx, clueId: string, kind: ClueStepKind, facts: StepFacts): Promise<AppendedStep> {
  checkFacts(facts);
  const { crypto, clock } = ctx.deps;
  const { seq, prevHash } = await claimStep(tx, ctx.tenantId, clueId);
  // Before the step takes its time: a handler's first step makes their key, which counts from then on.
  const signer = await signerFor(tx, ctx);
  const canonical = canonicalFacts(facts);
  const row = {
    tenant_id: ctx.tenantId,
    id: newId(),
    clue_id: clueId,
    seq,
    at: nowIso(clock),
    actor_account_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    kind,
    facts_hash: crypto.sm3(canonical),
    prev_hash: prevHash,
  };
  const hash = stepHash(crypto.sm3, row);
  const signed = signer.sign(stepMessage(ctx.tenantId, clueId, seq, hash));
  await tx
    .insertInto('clue_step')
    .values({ ...row, facts_enc: crypto.encrypt(ctx.tenantId, canonical, factsAad(row.id)), hash, signature: signed.signature, public_key: signed.publicKey })
    .execute();
  await setHead(tx, ctx.tenantId, clueId, hash);
  return { id: row.id, seq, hash };
}
