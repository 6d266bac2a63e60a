import type { Db, Tx } from '../../../platform/context.js';
import type { ClueStepTable } from './steps.tables.js';

export async function stepRows(db: Db | Tx, tenantId: string, clueId: string): Promise<ClueStepTable[]> {
  return db.selectFrom('clue_step').selectAll().where('tenant_id', '=', tenantId).where('clue_id', '=', clueId).orderBy('seq').execute();
}

export async function stepAt(db: Db | Tx, tenantId: string, clueId: string, seq: number): Promise<ClueStepTable | undefined> {
  return db.selectFrom('clue_step').selectAll().where('tenant_id', '=', tenantId).where('clue_id', '=', clueId).where('seq', '=', seq).executeTakeFirst();
}

/** Display names of the accounts that acted; reference data, joined for the timeline only. */
export async function accountNames(db: Db | Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'display_name']).where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** What the clue row says the log holds: its step count and the hash of its last step. */
export async function clueHead(db: Db | Tx, tenantId: string, clueId: string): Promise<{ count: number; head: string | null } | undefined> {
  const row = await db.selectFrom('clue').select(['step_count', 'step_head']).where('tenant_id', '=', tenantId).where('id', '=', clueId).executeTakeFirst();
  return row && { count: Number(row.step_count), head: row.step_head };
}

/** Every clue of a tenant, or the one with `code`, in register order: what an offline check walks. */
export async function cluesToCheck(db: Db | Tx, tenantId: string, code?: string): Promise<{ id: string; code: string }[]> {
  let q = db.selectFrom('clue').select(['id', 'code']).where('tenant_id', '=', tenantId);
  if (code) q = q.where('code', '=', code);
  return q.orderBy('year').orderBy('seq').execute();
}
