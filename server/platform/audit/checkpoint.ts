import { nowIso } from '../clock/clock.js';
import type { Deps } from '../context.js';
import { checkpointMessage } from './chain.js';

/** Signs the current head of a tenant's chain with the audit SM2 key; a no-op when nothing was added since. */
export async function signCheckpoint(deps: Deps, tenantId: string): Promise<number | null> {
  const head = await deps.db.selectFrom('audit_head').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!head || Number(head.seq) === 0) return null;
  const seq = Number(head.seq);
  const key = deps.keys.auditKey;
  const res = await deps.db
    .insertInto('audit_checkpoint')
    .values({
      tenant_id: tenantId,
      seq,
      hash: head.hash,
      at: nowIso(deps.clock),
      signature: deps.crypto.sm2Sign(key.privateKey, checkpointMessage(tenantId, seq, head.hash)),
      public_key: key.publicKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'seq']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? seq : null;
}
