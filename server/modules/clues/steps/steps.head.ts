import type { Tx } from '../../../platform/context.js';
import { GENESIS } from './steps.chain.js';

/**
 * Claims the next step number on the clue row. The UPDATE takes the row lock first, so concurrent steps on
 * one clue chain in a single order (PostgreSQL) and a step whose use case fails rolls the count back.
 */
export async function claimStep(tx: Tx, tenantId: string, clueId: string): Promise<{ seq: number; prevHash: string }> {
  const row = await tx
    .updateTable('clue')
    .set((eb) => ({ step_count: eb('step_count', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', clueId)
    .returning(['step_count', 'step_head'])
    .executeTakeFirst();
  if (!row) throw new Error(`no clue ${clueId} to append a step to`);
  return { seq: Number(row.step_count), prevHash: row.step_head || GENESIS };
}

export async function setHead(tx: Tx, tenantId: string, clueId: string, hash: string): Promise<void> {
  await tx.updateTable('clue').set({ step_head: hash }).where('tenant_id', '=', tenantId).where('id', '=', clueId).execute();
}
