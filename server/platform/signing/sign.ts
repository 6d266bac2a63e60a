import type { Ctx, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';
import { endorsementMessage } from './endorsement.js';

export interface Signed {
  /** GB/T 32918 signature, DER, hex. */
  signature: string;
  /** The signer's public key, uncompressed point, hex. */
  publicKey: string;
}

const aad = (accountId: string) => `signing_key:${accountId}`;

async function activeKey(tx: Tx, tenantId: string, accountId: string) {
  return tx
    .selectFrom('signing_key')
    .select(['public_key', 'private_key_enc'])
    .where('tenant_id', '=', tenantId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The account's current key pair, made on first use. Two first uses at once both insert; the partial unique
 * index keeps one and the loser reads the winner's.
 */
async function accountKey(tx: Tx, ctx: Ctx, accountId: string): Promise<{ privateKey: string; publicKey: string }> {
  const { crypto, keys, clock } = ctx.deps;
  let row = await activeKey(tx, ctx.tenantId, accountId);
  if (!row) {
    const pair = crypto.sm2Generate();
    const createdAt = nowIso(clock);
    await tx
      .insertInto('signing_key')
      .values({
        tenant_id: ctx.tenantId,
        id: newId(),
        account_id: accountId,
        public_key: pair.publicKey,
        private_key_enc: crypto.encrypt(ctx.tenantId, pair.privateKey, aad(accountId)),
        endorsement: crypto.sm2Sign(keys.auditKey.privateKey, endorsementMessage(ctx.tenantId, accountId, pair.publicKey, createdAt)),
        created_at: createdAt,
        revoked_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    row = await activeKey(tx, ctx.tenantId, accountId);
    if (!row) throw new Error(`no signing key for account ${accountId}`);
  }
  return { privateKey: crypto.decrypt(ctx.tenantId, row.private_key_enc, aad(accountId)), publicKey: row.public_key };
}

/**
 * Signs `message` as the acting user with their own key, or as the system (jobs) with the audit key.
 * Public callers never sign: nothing they send carries a handler's authority.
 */
export async function signAs(tx: Tx, ctx: Ctx, message: string): Promise<Signed> {
  const { crypto, keys } = ctx.deps;
  if (ctx.actor.kind === 'system') {
    return { signature: crypto.sm2Sign(keys.auditKey.privateKey, message), publicKey: keys.auditKey.publicKey };
  }
  if (ctx.actor.kind !== 'user') throw new Error('only staff and the system sign');
  const key = await accountKey(tx, ctx, ctx.actor.userId);
  return { signature: crypto.sm2Sign(key.privateKey, message), publicKey: key.publicKey };
}
