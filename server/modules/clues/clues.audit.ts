import type { Ctx, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { auditPseudonym } from './clues.seal.js';

/**
 * The one audit record of a clue action: who, when and which kind of action, under the clue's pseudonym
 * and with no details. The clue's own signed step log holds the record of what was done.
 */
export async function auditClue(tx: Tx, ctx: Ctx, action: string, clueId: string): Promise<void> {
  await writeAudit(tx, ctx, { action, objectType: 'clue', objectId: auditPseudonym(ctx, clueId) });
}
