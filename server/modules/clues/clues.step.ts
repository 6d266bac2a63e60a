import type { Clue, ClueAccessRole } from '../../../contracts/clues.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { transact } from '../../platform/db/transact.js';
import { auditClue } from './clues.audit.js';
import { presentClue } from './clues.detail.js';
import { requireClue, type LoadedClue } from './clues.load.js';

/**
 * One action on a clue: load it locked for a caller holding one of `roles` (404 to anyone off the list),
 * run the change (which appends its signed step), write the one pseudonymous audit record, answer with
 * the fresh clue. Shared by the core and the disposal services.
 */
export async function clueStep(ctx: Ctx, id: string, audit: string, roles: ClueAccessRole[], run: (tx: Tx, c: LoadedClue) => Promise<void>): Promise<Clue> {
  return transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, id, roles);
    await run(tx, c);
    await auditClue(tx, ctx, audit, id);
    return presentClue(tx, ctx, await requireClue(tx, ctx, id));
  });
}
