import type { Static } from 'typebox';
import type { ClueStep, ClueStepSignature, ClueStepVerification } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { sm2PublicKeyPem } from '../../../platform/crypto/sm2-der.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { requireClue } from '../clues.load.js';
import { stepMessage } from './steps.chain.js';
import { presentStep } from './steps.present.js';
import { accountNames, stepAt, stepRows } from './steps.repo.js';
import { signerKeysFor, verifyClueSteps } from './steps.verify.js';

/**
 * The log is the handling record, so it is for those handling the clue: anyone else gets NOT_FOUND from
 * requireClue, and a registrar after hand-off, who keeps only the register entry, is refused.
 */
async function authorizeSteps(ctx: Ctx, clueId: string): Promise<void> {
  const clue = await requireClue(ctx.deps.db, ctx, clueId);
  if (clue.restricted) throw new AppError('FORBIDDEN', { role: clue.role });
}

export async function listClueSteps(ctx: Ctx, clueId: string): Promise<ClueStep[]> {
  await authorizeSteps(ctx, clueId);
  const { db } = ctx.deps;
  const rows = await stepRows(db, ctx.tenantId, clueId);
  const keys = await signerKeysFor(db, ctx.deps, ctx.tenantId, rows);
  const names = await accountNames(db, ctx.tenantId, rows.flatMap((r) => (r.actor_account_id ? [r.actor_account_id] : [])));
  return rows.map((r) => presentStep(ctx.deps, keys, names, r));
}

export async function verifyStepsOf(ctx: Ctx, clueId: string): Promise<ClueStepVerification> {
  await authorizeSteps(ctx, clueId);
  return verifyClueSteps(ctx.deps.db, ctx.deps, ctx.tenantId, clueId);
}

/** Everything `openssl pkeyutl -verify` needs to check one step's signature away from this system. */
export async function stepSignature(ctx: Ctx, clueId: string, seq: number): Promise<Static<typeof ClueStepSignature>> {
  await authorizeSteps(ctx, clueId);
  const row = await stepAt(ctx.deps.db, ctx.tenantId, clueId, seq);
  if (!row) throw notFound('clue_step');
  return {
    message: stepMessage(ctx.tenantId, clueId, seq, row.hash),
    signature: Buffer.from(row.signature, 'hex').toString('base64'),
    publicKeyPem: sm2PublicKeyPem(row.public_key),
  };
}
