import type { Ctx, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';
import { chainHash } from './chain.js';

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: 'success' | 'failure';
  /** Identifiers and field names only: never passwords, content or anyone's identity. */
  details?: Record<string, unknown>;
}

/**
 * Appends one record to the tenant's chain inside the caller's transaction. The UPDATE on audit_head
 * takes the row lock, so concurrent writers (several processes on PostgreSQL) chain in a single order,
 * and a failed append rolls the whole use case back.
 */
export async function writeAudit(tx: Tx, ctx: Ctx, ev: AuditEvent): Promise<void> {
  const tenantId = ctx.tenantId;
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const record = {
    tenant_id: tenantId,
    seq: Number(head.seq),
    id: newId(),
    at: nowIso(ctx.deps.clock),
    actor_kind: ctx.actor.kind,
    actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    action: ev.action,
    object_type: ev.objectType,
    object_id: ev.objectId ?? null,
    result: ev.result ?? 'success',
    request_id: ctx.requestId,
    source_ip: ctx.sourceIp,
    details: JSON.stringify(ev.details ?? {}),
    prev_hash: head.hash,
  } as const;
  const hash = chainHash(ctx.deps.crypto.sm3, record);
  await tx.updateTable('audit_head').set({ hash }).where('tenant_id', '=', tenantId).execute();
  await tx.insertInto('audit_log').values({ ...record, hash }).execute();
}

/** For events that are themselves the whole operation (a failed login): its own transaction. */
export async function writeAuditAlone(ctx: Ctx, ev: AuditEvent): Promise<void> {
  await ctx.deps.db.transaction().execute((tx) => writeAudit(tx, ctx, ev));
}
