import type { Db } from '../context.js';
import type { CryptoPort } from '../crypto/crypto.port.js';
import type { KeyRing } from '../crypto/keyring.js';
import { verifyAuditChain, type VerifyResult } from '../audit/verify.js';

export interface TenantCheck {
  tenantId: string;
  code: string;
  /** The tenant key unwraps with the master key at hand: encrypted fields can be read. */
  keyOk: boolean;
  audit: VerifyResult;
}

/**
 * Per tenant: does its key open, and does its audit chain verify from the first record to the head
 * (checkpoints count when signed by the audit key of this installation).
 */
export async function checkTenants(db: Db, keys: KeyRing, crypto: CryptoPort, onlyCode?: string): Promise<TenantCheck[]> {
  let q = db.selectFrom('tenant').select(['id', 'code', 'wrapped_key']).orderBy('created_at');
  if (onlyCode) q = q.where('code', '=', onlyCode);
  const out: TenantCheck[] = [];
  for (const t of await q.execute()) {
    let keyOk = true;
    try {
      keys.addTenant(t.id, t.wrapped_key);
    } catch {
      keyOk = false;
    }
    out.push({ tenantId: t.id, code: t.code, keyOk, audit: await verifyAuditChain(db, crypto, t.id, [keys.auditKey.publicKey]) });
  }
  return out;
}

export const allSound = (checks: TenantCheck[]) => checks.every((c) => c.keyOk && c.audit.ok);
