import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../context.js';
import type { DB } from '../../schema.js';
import { addDays } from '../clock/calendar.js';

export interface AuditFilter {
  /** Local dates, both inclusive: every timestamp carries +08:00, so text order is time order. */
  from?: string;
  to?: string;
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure';
}

function filtered<O>(q: SelectQueryBuilder<DB, 'audit_log', O>, tenantId: string, f: AuditFilter) {
  let out = q.where('audit_log.tenant_id', '=', tenantId);
  if (f.from) out = out.where('audit_log.at', '>=', f.from);
  if (f.to) out = out.where('audit_log.at', '<', addDays(f.to, 1));
  if (f.actorId) out = out.where('audit_log.actor_id', '=', f.actorId);
  if (f.action) out = out.where('audit_log.action', '=', f.action);
  if (f.objectType) out = out.where('audit_log.object_type', '=', f.objectType);
  if (f.objectId) out = out.where('audit_log.object_id', '=', f.objectId);
  if (f.result) out = out.where('audit_log.result', '=', f.result);
  return out;
}

/** Newest first, with the acting account's username (gone accounts keep their id, name null). */
export function listAudit(db: Db, tenantId: string, f: AuditFilter, limit: number, offset: number) {
  return filtered(db.selectFrom('audit_log'), tenantId, f)
    .leftJoin('user_account', (j) => j.onRef('user_account.tenant_id', '=', 'audit_log.tenant_id').onRef('user_account.id', '=', 'audit_log.actor_id'))
    .selectAll('audit_log')
    .select('user_account.username as actor_name')
    .orderBy('audit_log.seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

export async function countAudit(db: Db, tenantId: string, f: AuditFilter): Promise<number> {
  const r = await filtered(db.selectFrom('audit_log'), tenantId, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
