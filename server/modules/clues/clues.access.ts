import type { ClueAccessEntry } from '../../../contracts/clues.js';
import type { Permission } from '../../../contracts/permissions.js';
import { nowIso } from '../../platform/clock/clock.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { grantHolders } from '../../platform/access/directory.js';
import { appendClueStep } from './steps/steps.append.js';
import { auditClue } from './clues.audit.js';
import { activeEntries, requireClue, type LoadedClue } from './clues.load.js';
import { accountRecused } from './clues.recusal.js';

type AddRole = 'owner' | 'handler' | 'approver';

/** What an account must hold to be put on a list in a role. */
const NEEDS: Record<AddRole, Permission> = { owner: 'clue:manage', handler: 'clue:manage', approver: 'clue:approve' };

async function presentEntries(db: Db | Tx, ctx: Ctx, clueId: string): Promise<ClueAccessEntry[]> {
  const rows = await activeEntries(db, ctx.tenantId, [clueId]);
  const names = new Map(rows.map((r) => [r.account_id, r.display_name]));
  const adders = rows.flatMap((r) => (r.added_by && !names.has(r.added_by) ? [r.added_by] : []));
  if (adders.length) {
    for (const u of await db.selectFrom('user_account').select(['id', 'display_name']).where('tenant_id', '=', ctx.tenantId).where('id', 'in', adders).execute()) names.set(u.id, u.display_name);
  }
  return rows.map((r) => ({
    id: r.id,
    account: { id: r.account_id, name: r.display_name },
    role: r.role,
    addedBy: r.added_by ? { id: r.added_by, name: names.get(r.added_by) ?? '' } : null,
    addedAt: r.added_at,
  }));
}

/** Who may manage the list: an owner holding clue:manage, or the registrar while nobody owns the clue yet. */
function mayManage(ctx: Ctx, c: LoadedClue, role?: AddRole): boolean {
  const manages = ctx.actor.kind === 'user' && ctx.actor.permissions.has('clue:manage');
  if (c.roles.includes('owner') && manages) return true;
  return c.roles.includes('registrar') && !c.hasOwner && (role === undefined || role === 'owner');
}

export async function listAccess(ctx: Ctx, clueId: string): Promise<{ items: ClueAccessEntry[] }> {
  const db = ctx.deps.db;
  const c = await requireClue(db, ctx, clueId);
  if (c.restricted) throw new AppError('FORBIDDEN', { role: c.role });
  return { items: await presentEntries(db, ctx, clueId) };
}

/**
 * Puts an account on the list. It must hold the role's permission and must not be recused (CLUE_RECUSED);
 * handing a registered clue to its first owner ends the registrar's view of its content.
 */
export async function addAccess(ctx: Ctx, clueId: string, input: { accountId: string; role: AddRole }): Promise<{ items: ClueAccessEntry[] }> {
  return transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, clueId);
    if (!mayManage(ctx, c, input.role)) throw new AppError('FORBIDDEN', { role: c.role });
    const holders = await grantHolders(tx, ctx.tenantId, NEEDS[input.role]);
    if (!holders.some((h) => h.userId === input.accountId)) throw notFound('account');
    if (await accountRecused(tx, ctx.tenantId, input.accountId, c.row)) throw new AppError('CLUE_RECUSED');
    const entries = await activeEntries(tx, ctx.tenantId, [clueId]);
    if (entries.some((e) => e.account_id === input.accountId && e.role === input.role)) throw new AppError('DUPLICATE', { field: 'accountId' });
    const id = newId();
    await tx.insertInto('clue_access').values({
      tenant_id: ctx.tenantId, id, clue_id: clueId, account_id: input.accountId, role: input.role, added_by: userId(ctx), added_at: nowIso(ctx.deps.clock), removed_by: null, removed_at: null,
    }).execute();
    await appendClueStep(tx, ctx, clueId, 'access_added', { entryId: id, accountId: input.accountId, role: input.role });
    await auditClue(tx, ctx, 'clue.access_add', clueId);
    return { items: await presentEntries(tx, ctx, clueId) };
  });
}

/** Takes an entry off the list (kept as removed). The last owner stays: a clue always has someone running it. */
export async function removeAccess(ctx: Ctx, clueId: string, entryId: string): Promise<{ items: ClueAccessEntry[] }> {
  return transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, clueId);
    if (!mayManage(ctx, c) || !c.roles.includes('owner')) throw new AppError('FORBIDDEN', { role: c.role });
    const entries = await activeEntries(tx, ctx.tenantId, [clueId]);
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw notFound('clue_access');
    if (entry.role === 'owner' && entries.filter((e) => e.role === 'owner').length === 1) throw new AppError('CONFLICT', { reason: 'last_owner' });
    await tx.updateTable('clue_access').set({ removed_at: nowIso(ctx.deps.clock), removed_by: userId(ctx) }).where('tenant_id', '=', ctx.tenantId).where('id', '=', entryId).execute();
    await appendClueStep(tx, ctx, clueId, 'access_removed', { entryId, accountId: entry.account_id, role: entry.role });
    await auditClue(tx, ctx, 'clue.access_remove', clueId);
    return { items: await presentEntries(tx, ctx, clueId) };
  });
}
