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

export interface Signer {
  publicKey: string;
  sign(message: string): Signed;
}

/**
 * The signer for the acting user (their own key, made now if they have none) or for the system (jobs: the
 * audit key). Public callers never sign: nothing they send carries a handler's authority. A key counts
 * from the moment it was made, so a record that states its own time takes that time after this call.
 */
export async function signerFor(tx: Tx, ctx: Ctx): Promise<Signer> {
  const { crypto, keys } = ctx.deps;
  let key: { privateKey: string; publicKey: string };
  if (ctx.actor.kind === 'system') key = keys.auditKey;
  else if (ctx.actor.kind === 'user') key = await accountKey(tx, ctx, ctx.actor.userId);
  else throw new Error('only staff and the system sign');
  return { publicKey: key.publicKey, sign: (message) => ({ signature: crypto.sm2Sign(key.privateKey, message), publicKey: key.publicKey }) };
}

/** Signs `message` as the acting user or the system; see signerFor. */
export async function signAs(tx: Tx, ctx: Ctx, message: string): Promise<Signed> {
  return (await signerFor(tx, ctx)).sign(message);
}
