import type { Clue, ClueAccessRole, ClueStepKind } from '../../../../contracts/clues.js';
import type { Permission } from '../../../../contracts/permissions.js';
import type { Ctx, Tx } from '../../../platform/context.js';
import { can } from '../../../platform/access/scope.js';
import { today } from '../../../platform/clock/clock.js';
import { transact } from '../../../platform/db/transact.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import { auditClue } from '../clues.audit.js';
import { getClue } from '../clues.detail.js';
import { requireClue, type LoadedClue } from '../clues.load.js';
import { clockContext } from '../clues.present.js';
import { updateClue } from '../clues.repo.js';
import { appendClueStep } from '../steps/steps.append.js';
import type { StepFacts } from '../steps/steps.chain.js';
import { allClocks, ledgerDue } from './disposal.facts.js';
import { disposalRows, rowsOf, type DisposalRows } from './disposal.repo.js';

export const RUNNERS: ClueAccessRole[] = ['owner', 'handler'];

export interface StepSpec {
  audit: string;
  /** Who on the list may take the step. */
  roles: ClueAccessRole[];
  /** The permission the step needs besides the route's (approval needs clue:approve). */
  permission?: Permission;
}

export interface StepContext {
  tx: Tx;
  clue: LoadedClue;
  rows: DisposalRows;
}

export function requireStatus(clue: LoadedClue, ...statuses: string[]): void {
  if (!statuses.includes(clue.row.status)) throw invalidState(clue.row.status);
}

/**
 * One disposal step: inside one transaction load the clue through its access list (404 off the list, 403 in
 * the wrong role, the row locked on PostgreSQL), let the step change its rows, append the signed step, keep
 * the ledger columns current and write the one audit record under the clue's pseudonym. Answers with the
 * fresh clue as the caller sees it.
 */
export async function disposalStep(ctx: Ctx, id: string, spec: StepSpec, run: (s: StepContext) => Promise<{ kind: ClueStepKind; facts: StepFacts }>): Promise<Clue> {
  if (spec.permission && !can(ctx.actor, spec.permission)) throw new AppError('FORBIDDEN');
  await transact(ctx, async (tx) => {
    const clue = await requireClue(tx, ctx, id, spec.roles);
    const { kind, facts } = await run({ tx, clue, rows: rowsOf(await disposalRows(tx, ctx.tenantId, [id]), id) });
    await appendClueStep(tx, ctx, id, kind, facts);
    await refreshLedger(tx, ctx, id);
    await auditClue(tx, ctx, spec.audit, id);
  });
  return getClue(ctx, id);
}

/** Re-reads the clue and its rows after a change and stores the status date columns the lists read. */
export async function refreshLedger(tx: Tx, ctx: Ctx, id: string): Promise<void> {
  const clue = await tx.selectFrom('clue').selectAll().where('tenant_id', '=', ctx.tenantId).where('id', '=', id).executeTakeFirstOrThrow();
  const cc = await clockContext(tx, ctx);
  const clocks = allClocks(cc.cal, cc.settings, clue, rowsOf(await disposalRows(tx, ctx.tenantId, [id]), id), today(ctx.deps.clock));
  await updateClue(tx, ctx.tenantId, id, ledgerDue(clocks));
}
