import type { Db, Deps, Tx } from '../context.js';
import { endorsementMessage } from './endorsement.js';
import { verifySignature } from './verify-memo.js';

export interface SignerKeys {
  /**
   * Whether `publicKey` was the signer's key at `at`: for an account, one of its keys endorsed by the audit
   * key, made no later than `at` and not revoked before it; for the system (`null`), the audit key itself.
   */
  held(accountId: string | null, publicKey: string, at: string): boolean;
}

interface KeySpan {
  publicKey: string;
  from: number;
  until: number;
}

/** Loads the keys of the given accounts once, for checking many signatures (a whole step log). */
export async function loadSignerKeys(
  db: Db | Tx,
  deps: Pick<Deps, 'crypto' | 'keys'>,
  tenantId: string,
  accountIds: readonly string[],
): Promise<SignerKeys> {
  const audit = deps.keys.auditKey.publicKey.toLowerCase();
  const ids = [...new Set(accountIds)];
  const rows = ids.length
    ? await db.selectFrom('signing_key').selectAll().where('tenant_id', '=', tenantId).where('account_id', 'in', ids).execute()
    : [];
  const spans = new Map<string, KeySpan[]>();
  for (const r of rows) {
    const endorsed = verifySignature(deps.crypto, audit, endorsementMessage(tenantId, r.account_id, r.public_key, r.created_at), r.endorsement);
    if (!endorsed) continue;
    const list = spans.get(r.account_id) ?? [];
    list.push({ publicKey: r.public_key.toLowerCase(), from: Date.parse(r.created_at), until: r.revoked_at ? Date.parse(r.revoked_at) : Infinity });
    spans.set(r.account_id, list);
  }
  return {
    held(accountId, publicKey, at) {
      const key = publicKey.toLowerCase();
      if (accountId === null) return key === audit;
      const t = Date.parse(at);
      return (spans.get(accountId) ?? []).some((s) => s.publicKey === key && s.from <= t && t < s.until);
    },
  };
}
