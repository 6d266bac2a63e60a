import type { Db } from '../context.js';
import type { CryptoPort } from '../crypto/crypto.port.js';
import { chainHash, checkpointMessage, GENESIS } from './chain.js';

export interface VerifyResult {
  ok: boolean;
  records: number;
  checkpoints: number;
  /** Sequence number of the first record that does not verify. */
  brokenAt: number | null;
  reason: string | null;
}

const BATCH = 2000;

/**
 * Walks the tenant's chain from the start; names the first record whose content, link or checkpoint fails.
 * A checkpoint counts only when signed by one of `trustedKeys` (the audit key's public half, kept apart
 * from the database): whoever can rewrite the table can also store a checkpoint signed with a key of
 * their own beside it.
 */
export async function verifyAuditChain(db: Db, crypto: CryptoPort, tenantId: string, trustedKeys: readonly string[]): Promise<VerifyResult> {
  const trusted = new Set(trustedKeys.map((k) => k.toLowerCase()));
  const checkpoints = await db.selectFrom('audit_checkpoint').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
  const cpBySeq = new Map(checkpoints.map((c) => [Number(c.seq), c]));
  let prev = GENESIS;
  let expected = 1;
  let count = 0;
  const fail = (seq: number, reason: string): VerifyResult => ({ ok: false, records: count, checkpoints: checkpoints.length, brokenAt: seq, reason });

  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) return fail(expected, 'missing');
      if (row.prev_hash !== prev) return fail(seq - 1, 'link');
      if (chainHash(crypto.sm3, row) !== row.hash) return fail(seq, 'content');
      const cp = cpBySeq.get(seq);
      if (cp) {
        if (cp.hash !== row.hash) return fail(seq, 'checkpoint-hash');
        if (!trusted.has(cp.public_key.toLowerCase())) return fail(seq, 'checkpoint-key');
        if (!crypto.sm2Verify(cp.public_key, checkpointMessage(tenantId, seq, cp.hash), cp.signature)) return fail(seq, 'checkpoint-signature');
      }
      prev = row.hash;
      expected += 1;
      count += 1;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (head && (Number(head.seq) !== count || head.hash !== prev)) return fail(count + 1, 'truncated');
  for (const cp of checkpoints) if (Number(cp.seq) > count) return fail(Number(cp.seq), 'truncated');
  return { ok: true, records: count, checkpoints: checkpoints.length, brokenAt: null, reason: null };
}
