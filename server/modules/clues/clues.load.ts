import type { ClueAccessRole } from '../../../contracts/clues.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { ClueTable } from './clues.tables.js';
import { viewerOf, visibleTo } from './clues.recusal.js';

export type ClueRow = ClueTable;

/** Strongest first: a caller holding several entries acts in the strongest. */
const RANK: ClueAccessRole[] = ['owner', 'handler', 'approver', 'registrar'];

export function strongestRole(roles: ClueAccessRole[]): ClueAccessRole | null {
  return RANK.find((r) => roles.includes(r)) ?? null;
}

/** A clue as the caller may see it, and in which roles. */
export interface LoadedClue {
  row: ClueRow;
  role: ClueAccessRole;
  roles: ClueAccessRole[];
  hasOwner: boolean;
  /** A registrar after hand-off sees the register entry only: no summary, content or reported person. */
  restricted: boolean;
}

export async function activeEntries(db: Db | Tx, tenantId: string, clueIds: string[]) {
  if (!clueIds.length) return [];
  return db
    .selectFrom('clue_access as a')
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.account_id'))
    .select(['a.id', 'a.clue_id', 'a.account_id', 'a.role', 'a.added_by', 'a.added_at', 'u.display_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.clue_id', 'in', clueIds)
    .where('a.removed_at', 'is', null)
    .orderBy('a.added_at')
    .execute();
}

/**
 * Loads a clue for an action: NOT_FOUND unless the caller is on its list and not recused (it does not exist
 * for them), FORBIDDEN when their role on it is not among `roles`. Inside a transaction on PostgreSQL the
 * row stays locked until commit, so two steps on one clue run one after the other.
 */
export async function requireClue(db: Db | Tx, ctx: Ctx, id: string, roles?: ClueAccessRole[]): Promise<LoadedClue> {
  const viewer = await viewerOf(db, ctx);
  if (!viewer) throw notFound('clue');
  let q = db.selectFrom('clue as c').selectAll('c').where('c.tenant_id', '=', ctx.tenantId).where('c.id', '=', id).where(visibleTo(viewer));
  if (db.isTransaction && ctx.deps.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('clue');
  const entries = await activeEntries(db, ctx.tenantId, [id]);
  const mine = entries.filter((e) => e.account_id === viewer.accountId).map((e) => e.role);
  const role = strongestRole(mine)!;
  const hasOwner = entries.some((e) => e.role === 'owner');
  const loaded: LoadedClue = { row, role, roles: mine, hasOwner, restricted: !mine.some((r) => r !== 'registrar') && hasOwner };
  if (roles && !mine.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', { role });
  return loaded;
}
