import type { AuditLogTable } from './audit.tables.js';

export const GENESIS = '0'.repeat(64);

type Chained = Omit<AuditLogTable, 'hash'>;

/** Fixed field order, so the same record always hashes the same on any database and any platform. */
export function canonical(r: Chained): string {
  return JSON.stringify([
    r.tenant_id, Number(r.seq), r.id, r.at, r.actor_kind, r.actor_id, r.action, r.object_type,
    r.object_id, r.result, r.request_id, r.source_ip, r.details, r.prev_hash,
  ]);
}

export function chainHash(sm3: (s: string) => string, r: Chained): string {
  return sm3(`${r.prev_hash}\n${canonical(r)}`);
}

export function checkpointMessage(tenantId: string, seq: number, hash: string): string {
  return `qingfeng-audit-checkpoint|${tenantId}|${seq}|${hash}`;
}
