import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { endorsementMessage } from '../../../platform/signing/endorsement.js';
import { createWorld, type World } from '../../../test/world.js';
import { canonicalFacts, factsAad, stepHash, stepMessage } from './steps.chain.js';
import { appendAs, bareClue, privileged, userCtx } from './steps.fixture.js';
import { stepRows } from './steps.repo.js';
import type { ClueStepTable } from './steps.tables.js';
import { verifyClueSteps } from './steps.verify.js';

let w: World;
let discipline: Ctx;
let secretary: Ctx;
beforeAll(async () => {
  w = await createWorld();
  discipline = await userCtx(w, 'discipline');
  secretary = await userCtx(w, 'secretary');
});
afterAll(async () => w.close());

const verify = (clueId: string) => verifyClueSteps(w.deps.db, w.deps, w.tenantId, clueId);

/** A healthy four-step log by two handlers; each test breaks its own. */
async function healthyClue(): Promise<{ clue: string; rows: ClueStepTable[] }> {
  const clue = await bareClue(w);
  await appendAs(discipline, clue, [['registered', { source: 'phone', named: false }], ['proposed', { method: 'talk_inquiry' }]]);
  await appendAs(secretary, clue, [['approved', { approve: true }]]);
  await appendAs(discipline, clue, [['talk_planned', { mode: 'talk', plannedOn: '2026-03-10' }]]);
  const rows = await stepRows(w.deps.db, w.tenantId, clue);
  expect(await verify(clue)).toEqual({ ok: true, steps: 4, problems: [] });
  return { clue, rows };
}

const setStep = (row: ClueStepTable, patch: Partial<ClueStepTable>) =>
  privileged(w, () => w.deps.db.updateTable('clue_step').set(patch).where('tenant_id', '=', w.tenantId).where('id', '=', row.id).execute());
const deleteStep = (row: ClueStepTable) =>
  privileged(w, () => w.deps.db.deleteFrom('clue_step').where('tenant_id', '=', w.tenantId).where('id', '=', row.id).execute());

/** The step as a forger with the tenant key would rewrite it: new facts, sealed, hashed and chained again, then signed. */
function forged(row: ClueStepTable, facts: Record<string, string>, privateKey: string, publicKey: string): Partial<ClueStepTable> {
  const canonical = canonicalFacts(facts);
  const next = { ...row, facts_hash: w.deps.crypto.sm3(canonical) };
  const hash = stepHash(w.deps.crypto.sm3, next);
  return {
    facts_enc: w.deps.crypto.encrypt(w.tenantId, canonical, factsAad(row.id)),
    facts_hash: next.facts_hash,
    hash,
    signature: w.deps.crypto.sm2Sign(privateKey, stepMessage(w.tenantId, row.clue_id, Number(row.seq), hash)),
    public_key: publicKey,
  };
}

describe('the verifier flags a step changed directly in the database', () => {
  it('facts sealed anew with other content', async () => {
    const { clue, rows } = await healthyClue();
    const step = rows[1]!;
    await setStep(step, { facts_enc: w.deps.crypto.encrypt(w.tenantId, canonicalFacts({ method: 'close' }), factsAad(step.id)) });
    expect(await verify(clue)).toEqual({ ok: false, steps: 4, problems: [{ seq: 2, kind: 'hash' }] });
  });

  it('facts copied from another step', async () => {
    const { clue, rows } = await healthyClue();
    await setStep(rows[2]!, { facts_enc: rows[1]!.facts_enc });
    expect(await verify(clue)).toEqual({ ok: false, steps: 4, problems: [{ seq: 3, kind: 'hash' }] });
  });

  it('facts and their hash changed together', async () => {
    const { clue, rows } = await healthyClue();
    const step = rows[1]!;
    const canonical = canonicalFacts({ method: 'close' });
    await setStep(step, { facts_enc: w.deps.crypto.encrypt(w.tenantId, canonical, factsAad(step.id)), facts_hash: w.deps.crypto.sm3(canonical) });
    expect(await verify(clue)).toEqual({ ok: false, steps: 4, problems: [{ seq: 2, kind: 'hash' }] });
  });

  it('the kind, time or actor changed', async () => {
    const { clue, rows } = await healthyClue();
    await setStep(rows[2]!, { kind: 'refused' });
    expect((await verify(clue)).problems).toEqual([{ seq: 3, kind: 'hash' }]);
    const other = await healthyClue();
    await setStep(other.rows[0]!, { at: nowIso(w.deps.clock).replace(/^2026/, '2025') });
    // Backdated to before its handler had a key at all.
    expect((await verify(other.clue)).problems).toEqual([{ seq: 1, kind: 'hash' }, { seq: 1, kind: 'key' }]);
  });

  it('a hash recomputed over changed facts: its signature and the next link break', async () => {
    const { clue, rows } = await healthyClue();
    const step = rows[1]!;
    const canonical = canonicalFacts({ method: 'close' });
    const facts_hash = w.deps.crypto.sm3(canonical);
    const hash = stepHash(w.deps.crypto.sm3, { ...step, facts_hash });
    await setStep(step, { facts_enc: w.deps.crypto.encrypt(w.tenantId, canonical, factsAad(step.id)), facts_hash, hash });
    expect(await verify(clue)).toEqual({
      ok: false,
      steps: 4,
      problems: [{ seq: 2, kind: 'signature' }, { seq: 3, kind: 'hash' }],
    });
  });

  it('a mangled signature', async () => {
    const { clue, rows } = await healthyClue();
    const sig = rows[3]!.signature;
    await setStep(rows[3]!, { signature: `${sig.slice(0, 30)}${sig[30] === '0' ? '1' : '0'}${sig.slice(31)}` });
    expect(await verify(clue)).toEqual({ ok: false, steps: 4, problems: [{ seq: 4, kind: 'signature' }] });
  });

  it('a step re-signed with another handler’s key, or with a key of the forger’s own', async () => {
    const { clue, rows } = await healthyClue();
    const secretaryKey = await w.deps.db.selectFrom('signing_key').selectAll().where('tenant_id', '=', w.tenantId).where('account_id', '=', w.users.secretary.id).executeTakeFirstOrThrow();
    const secretaryPrivate = w.deps.crypto.decrypt(w.tenantId, secretaryKey.private_key_enc, `signing_key:${w.users.secretary.id}`);
    await setStep(rows[1]!, forged(rows[1]!, { method: 'close' }, secretaryPrivate, secretaryKey.public_key));
    expect((await verify(clue)).problems).toEqual([{ seq: 2, kind: 'key' }, { seq: 3, kind: 'hash' }]);

    // Covers the step's time and names the handler; only the missing audit-key endorsement gives it away.
    const own = w.deps.crypto.sm2Generate();
    const createdAt = '2026-01-01T00:00:00.000+08:00';
    await w.deps.db
      .insertInto('signing_key')
      .values({
        tenant_id: w.tenantId, id: newId(), account_id: w.users.discipline.id, public_key: own.publicKey, private_key_enc: 'x',
        endorsement: w.deps.crypto.sm2Sign(own.privateKey, endorsementMessage(w.tenantId, w.users.discipline.id, own.publicKey, createdAt)),
        created_at: createdAt, revoked_at: '2027-01-01T00:00:00.000+08:00',
      })
      .execute();
    const other = await healthyClue();
    await setStep(other.rows[3]!, forged(other.rows[3]!, { mode: 'letter' }, own.privateKey, own.publicKey));
    expect((await verify(other.clue)).problems).toEqual([{ seq: 4, kind: 'key' }, { seq: 4, kind: 'head' }]);
  });

  it('a step moved to the system’s name without the audit key', async () => {
    const { clue, rows } = await healthyClue();
    await setStep(rows[0]!, { actor_account_id: null });
    expect((await verify(clue)).problems).toEqual([{ seq: 1, kind: 'hash' }, { seq: 1, kind: 'key' }]);
  });
});

describe('the verifier flags a step removed directly in the database', () => {
  it('a middle step: a gap', async () => {
    const { clue, rows } = await healthyClue();
    await deleteStep(rows[1]!);
    expect(await verify(clue)).toEqual({ ok: false, steps: 3, problems: [{ seq: 2, kind: 'gap' }] });
  });

  it('two middle steps: one gap where the numbers jump', async () => {
    const { clue, rows } = await healthyClue();
    await deleteStep(rows[1]!);
    await deleteStep(rows[2]!);
    expect(await verify(clue)).toEqual({ ok: false, steps: 2, problems: [{ seq: 2, kind: 'gap' }] });
  });

  it('the first step: a gap', async () => {
    const { clue, rows } = await healthyClue();
    await deleteStep(rows[0]!);
    expect(await verify(clue)).toEqual({ ok: false, steps: 3, problems: [{ seq: 1, kind: 'gap' }] });
  });

  it('the last step: the clue’s head no longer matches', async () => {
    const { clue, rows } = await healthyClue();
    await deleteStep(rows[3]!);
    expect(await verify(clue)).toEqual({ ok: false, steps: 3, problems: [{ seq: 4, kind: 'head' }] });
  });

  it('every step: the head still counts them', async () => {
    const { clue, rows } = await healthyClue();
    for (const r of rows) await deleteStep(r);
    expect(await verify(clue)).toEqual({ ok: false, steps: 0, problems: [{ seq: 4, kind: 'head' }] });
  });

  it('the last step with the head wound back to match: the log verifies, as only the count and head could tell', async () => {
    const { clue, rows } = await healthyClue();
    await deleteStep(rows[3]!);
    await w.deps.db.updateTable('clue').set({ step_count: 3, step_head: rows[2]!.hash }).where('tenant_id', '=', w.tenantId).where('id', '=', clue).execute();
    expect(await verify(clue)).toEqual({ ok: true, steps: 3, problems: [] });
  });
});
