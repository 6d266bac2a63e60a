import type { ClueQuery, ClueSummary } from '../../../contracts/clues.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { activeEntries, strongestRole } from './clues.load.js';
import { clockContext, presentSummary } from './clues.present.js';
import { viewerOf, type Viewer } from './clues.recusal.js';
import * as repo from './clues.repo.js';

/** Summaries for rows already filtered by the viewer's list: their role, the owner, visible originals. */
export async function summarize(db: Db | Tx, ctx: Ctx, v: Viewer, rows: repo.ClueListRow[]): Promise<ClueSummary[]> {
  const ids = rows.map((r) => r.id);
  const [entries, originals, cc] = await Promise.all([
    activeEntries(db, ctx.tenantId, ids),
    repo.visibleCodes(db, ctx.tenantId, v, rows.flatMap((r) => (r.repeat_of ? [r.repeat_of] : []))),
    clockContext(db, ctx),
  ]);
  return rows.map((row) => {
    const mine = entries.filter((e) => e.clue_id === row.id);
    const roles = mine.filter((e) => e.account_id === v.accountId).map((e) => e.role);
    const owner = mine.find((e) => e.role === 'owner');
    const restricted = !roles.some((r) => r !== 'registrar') && !!owner;
    return presentSummary(ctx, cc, row, {
      role: strongestRole(roles) ?? 'registrar',
      restricted,
      owner: owner ? { id: owner.account_id, name: owner.display_name } : null,
      personName: row.person_name,
      orgName: row.org_name,
      repeatOfCode: row.repeat_of ? (originals.get(row.repeat_of) ?? null) : null,
    });
  });
}

export async function listClues(ctx: Ctx, q: ClueQuery): Promise<Page<ClueSummary>> {
  const db = ctx.deps.db;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const v = await viewerOf(db, ctx);
  if (!v) return { items: [], total: 0, page, pageSize };
  const { page: _p, pageSize: _s, ...filter } = q;
  const [total, rows] = await Promise.all([
    repo.countClues(db, ctx.tenantId, v, filter),
    repo.listClues(db, ctx.tenantId, v, filter, pageSize, (page - 1) * pageSize),
  ]);
  return { items: await summarize(db, ctx, v, rows), total, page, pageSize };
}
