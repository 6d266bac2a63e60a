import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { loadUserActor } from '../access/actor.js';
import { createSession, resolveSession } from '../auth/session.js';
import { nowIso } from '../clock/clock.js';
import { systemCtx, type Ctx } from '../context.js';
import { newId } from '../db/ids.js';
import { endorsementMessage } from './endorsement.js';
import { signAs } from './sign.js';
import { loadSignerKeys } from './signer-keys.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/** A use-case context for a fixture user, built the way the guard builds it. */
async function userCtx(user: FixtureUser): Promise<Ctx> {
  const { token } = await createSession(w.deps, w.deps.db, { tenantId: w.tenantId, userId: w.users[user].id, mfaOk: true, sourceIp: null });
  const loaded = await loadUserActor(w.deps, (await resolveSession(w.deps, token))!);
  return { deps: w.deps, actor: loaded!.actor, tenantId: w.tenantId, requestId: null, sourceIp: null, idempotency: null };
}

const sign = (ctx: Ctx, message: string) => w.deps.db.transaction().execute((tx) => signAs(tx, ctx, message));
const keysOf = (accountId: string) =>
  w.deps.db.selectFrom('signing_key').selectAll().where('tenant_id', '=', w.tenantId).where('account_id', '=', accountId).execute();
const signerKeys = (ids: string[]) => loadSignerKeys(w.deps.db, w.deps, w.tenantId, ids);

describe('signAs', () => {
  it('makes the account a key on first use, keeps using it, and signs with it', async () => {
    const ctx = await userCtx('discipline');
    const id = w.users.discipline.id;
    expect(await keysOf(id)).toEqual([]);
    const first = await sign(ctx, 'message one');
    const second = await sign(ctx, 'message two');
    const rows = await keysOf(id);
    expect(rows).toHaveLength(1);
    expect(first.publicKey).toBe(rows[0]!.public_key);
    expect(second.publicKey).toBe(first.publicKey);
    expect(w.deps.crypto.sm2Verify(first.publicKey, 'message one', first.signature)).toBe(true);
    expect(w.deps.crypto.sm2Verify(first.publicKey, 'message two', first.signature)).toBe(false);
    expect(w.deps.crypto.sm2Verify(second.publicKey, 'message two', second.signature)).toBe(true);
  });

  it('keeps the private key sealed to its account', async () => {
    const row = (await keysOf(w.users.discipline.id))[0]!;
    const priv = w.deps.crypto.decrypt(w.tenantId, row.private_key_enc, `signing_key:${row.account_id}`);
    expect(priv).toMatch(/^[0-9a-f]{64}$/);
    expect(row.private_key_enc).not.toContain(priv);
    expect(() => w.deps.crypto.decrypt(w.tenantId, row.private_key_enc, `signing_key:${w.users.secretary.id}`)).toThrow();
  });

  it('gives each account its own key', async () => {
    const a = await sign(await userCtx('secretary'), 'same');
    const b = await sign(await userCtx('orgOfficer'), 'same');
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(w.deps.crypto.sm2Verify(b.publicKey, 'same', a.signature)).toBe(false);
  });

  it('leaves one key when an account signs for the first time in several transactions at once', async () => {
    const ctx = await userCtx('unitOfficer');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => sign(ctx, `parallel ${i}`)));
    const rows = await keysOf(w.users.unitOfficer.id);
    expect(rows).toHaveLength(1);
    for (const [i, r] of results.entries()) {
      expect(r.publicKey).toBe(rows[0]!.public_key);
      expect(w.deps.crypto.sm2Verify(r.publicKey, `parallel ${i}`, r.signature)).toBe(true);
    }
  });

  it('signs for the system with the audit key and refuses public callers', async () => {
    const s = await sign(systemCtx(w.deps, w.tenantId), 'job step');
    expect(s.publicKey).toBe(w.deps.keys.auditKey.publicKey);
    expect(w.deps.crypto.sm2Verify(s.publicKey, 'job step', s.signature)).toBe(true);
    const pub: Ctx = { ...systemCtx(w.deps, w.tenantId), actor: { kind: 'public', tenantId: w.tenantId } };
    await expect(sign(pub, 'x')).rejects.toThrow();
  });
});

describe('loadSignerKeys', () => {
  it('holds an account to its own endorsed key from the moment it was made', async () => {
    const ctx = await userCtx('branchSecretary');
    const before = nowIso(w.deps.clock);
    w.clock.advanceMinutes(1);
    const { publicKey } = await sign(ctx, 'x');
    const at = nowIso(w.deps.clock);
    const other = (await keysOf(w.users.discipline.id))[0]!.public_key;
    const keys = await signerKeys([w.users.branchSecretary.id, w.users.discipline.id]);
    expect(keys.held(w.users.branchSecretary.id, publicKey, at)).toBe(true);
    expect(keys.held(w.users.branchSecretary.id, publicKey.toUpperCase(), at)).toBe(true);
    expect(keys.held(w.users.branchSecretary.id, publicKey, before)).toBe(false);
    expect(keys.held(w.users.branchSecretary.id, other, at)).toBe(false);
    expect(keys.held(w.users.discipline.id, publicKey, at)).toBe(false);
    expect(keys.held(null, publicKey, at)).toBe(false);
    expect(keys.held(null, w.deps.keys.auditKey.publicKey, at)).toBe(true);
  });

  it('does not take a key added to the table without the audit key’s endorsement', async () => {
    const id = w.users.staff.id;
    const pair = w.deps.crypto.sm2Generate();
    const createdAt = nowIso(w.deps.clock);
    const forged = w.deps.crypto.sm2Sign(pair.privateKey, endorsementMessage(w.tenantId, id, pair.publicKey, createdAt));
    await w.deps.db
      .insertInto('signing_key')
      .values({ tenant_id: w.tenantId, id: newId(), account_id: id, public_key: pair.publicKey, private_key_enc: 'x', endorsement: forged, created_at: createdAt, revoked_at: null })
      .execute();
    w.clock.advanceMinutes(1);
    expect((await signerKeys([id])).held(id, pair.publicKey, nowIso(w.deps.clock))).toBe(false);
  });

  it('honours what a key signed before it was revoked, and nothing after', async () => {
    const id = w.users.orgOfficer.id;
    const row = (await keysOf(id))[0]!;
    const signedAt = nowIso(w.deps.clock);
    w.clock.advanceMinutes(5);
    const revokedAt = nowIso(w.deps.clock);
    await w.deps.db.updateTable('signing_key').set({ revoked_at: revokedAt }).where('tenant_id', '=', w.tenantId).where('id', '=', row.id).execute();
    w.clock.advanceMinutes(5);
    const keys = await signerKeys([id]);
    expect(keys.held(id, row.public_key, signedAt)).toBe(true);
    expect(keys.held(id, row.public_key, nowIso(w.deps.clock))).toBe(false);
    const fresh = await sign(await userCtx('orgOfficer'), 'after revocation');
    expect(fresh.publicKey).not.toBe(row.public_key);
    expect(await keysOf(id)).toHaveLength(2);
  });
});
