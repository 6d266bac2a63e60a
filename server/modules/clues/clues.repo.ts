import type { ClueExportQuery, ClueLedger, ClueStatus } from '../../../contracts/clues.js';
import type { Db, Tx } from '../../platform/context.js';
import { visibleTo, type Viewer } from './clues.recusal.js';
import type { ClueTable } from './clues.tables.js';

export type ClueFilter = ClueExportQuery & { q?: string };

/** Still running: the 跟踪督办 ledger. A forward down stays until the lower level acknowledged it. */
export const OPEN_STATUSES: ClueStatus[] = ['registered', 'accepted', 'proposed', 'studied', 'approved', 'in_disposal', 'shelved', 'concluded', 'outcome_recorded'];

/** The caller's clues (on their list, not recused), with the reference names a row shows. */
export function visibleClues(db: Db | Tx, tenantId: string, v: Viewer) {
  return db
    .selectFrom('clue as c')
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.reported_person_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.reported_org_id'))
    .where('c.tenant_id', '=', tenantId)
    .where(visibleTo(v));
}

function filtered(db: Db | Tx, tenantId: string, v: Viewer, f: ClueFilter) {
  let q = visibleClues(db, tenantId, v);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.source) q = q.where('c.source', '=', f.source);
  if (f.method) q = q.where('c.method', '=', f.method);
  if (f.form) q = q.where('c.outcome_form', '=', f.form);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.year) q = q.where('c.year', '=', f.year);
  // Search by register number only: summaries and content are sealed and never searched in plain.
  if (f.q) q = q.where('c.code', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.ledger) q = ledgerFilter(q, f.ledger);
  return q;
}

function ledgerFilter<Q extends ReturnType<typeof visibleClues>>(q: Q, ledger: ClueLedger): Q {
  switch (ledger) {
    case 'intake':
      return q;
    case 'disposal':
      return q.where('c.method', 'is not', null) as Q;
    case 'supervision':
      return q.where((eb) => eb.or([eb('c.status', 'in', OPEN_STATUSES), eb.and([eb('c.status', '=', 'forwarded_down'), eb('c.forward_ack_on', 'is', null)])])) as Q;
    case 'closure':
      return q.where('c.status', '=', 'closed') as Q;
  }
}

export async function countClues(db: Db | Tx, tenantId: string, v: Viewer, f: ClueFilter): Promise<number> {
  const r = await filtered(db, tenantId, v, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function listClues(db: Db | Tx, tenantId: string, v: Viewer, f: ClueFilter, limit: number, offset: number) {
  return filtered(db, tenantId, v, f)
    .selectAll('c')
    .select(['p.name as person_name', 'o.name as org_name'])
    .orderBy('c.received_on', 'desc')
    .orderBy('c.code', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type ClueListRow = Awaited<ReturnType<typeof listClues>>[number];

export function findVisibleClue(db: Db | Tx, tenantId: string, v: Viewer, id: string) {
  return visibleClues(db, tenantId, v).selectAll('c').select(['p.name as person_name', 'o.name as org_name']).where('c.id', '=', id).executeTakeFirst();
}

/** Among these clue ids, the ones the viewer may see, with their codes (links to repeats and originals). */
export async function visibleCodes(db: Db | Tx, tenantId: string, v: Viewer, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('clue as c').select(['c.id', 'c.code']).where('c.tenant_id', '=', tenantId).where('c.id', 'in', ids).where(visibleTo(v)).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function repeatsOf(db: Db | Tx, tenantId: string, v: Viewer, id: string) {
  return db.selectFrom('clue as c').select(['c.id', 'c.code']).where('c.tenant_id', '=', tenantId).where('c.repeat_of', '=', id).where(visibleTo(v)).orderBy('c.code').execute();
}

export async function updateClue(tx: Tx, tenantId: string, id: string, patch: Partial<Omit<ClueTable, 'tenant_id' | 'id'>>): Promise<void> {
  await tx.updateTable('clue').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
