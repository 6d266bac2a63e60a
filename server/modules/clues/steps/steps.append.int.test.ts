import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../platform/clock/clock.js';
import { systemCtx, type Ctx } from '../../../platform/context.js';
import { createWorld, type World } from '../../../test/world.js';
import { appendClueStep, digestText } from './steps.append.js';
import { canonicalFacts, factsAad, GENESIS, stepHash, stepMessage } from './steps.chain.js';
import { appendAs, bareClue, userCtx } from './steps.fixture.js';
import { stepRows } from './steps.repo.js';
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
const head = (clueId: string) =>
  w.deps.db.selectFrom('clue').select(['step_count', 'step_head']).where('tenant_id', '=', w.tenantId).where('id', '=', clueId).executeTakeFirstOrThrow();

describe('appendClueStep', () => {
  it('numbers, chains, seals and signs each step with its actor’s key, and moves the clue’s head', async () => {
    const clue = await bareClue(w);
    const reason = digestText(discipline, '反映问题具体，属本级管辖');
    await appendAs(discipline, clue, [['registered', { source: 'letter', named: true }], ['scope_decided', { decision: 'accept', reason }]]);
    await appendAs(secretary, clue, [['approved', { approve: true, attendees: [w.users.discipline.id, w.users.secretary.id] }]]);
    await appendAs(systemCtx(w.deps, w.tenantId), clue, [['reviewed', { due: '2026-04-01' }]]);

    const rows = await stepRows(w.deps.db, w.tenantId, clue);
    expect(rows.map((r) => [Number(r.seq), r.kind, r.actor_account_id])).toEqual([
      [1, 'registered', w.users.discipline.id],
      [2, 'scope_decided', w.users.discipline.id],
      [3, 'approved', w.users.secretary.id],
      [4, 'reviewed', null],
    ]);
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS, rows[0]!.hash, rows[1]!.hash, rows[2]!.hash]);
    const keys = await w.deps.db.selectFrom('signing_key').select(['account_id', 'public_key']).where('tenant_id', '=', w.tenantId).execute();
    const keyOf = new Map(keys.map((k) => [k.account_id, k.public_key]));
    expect(rows.map((r) => r.public_key)).toEqual([
      keyOf.get(w.users.discipline.id), keyOf.get(w.users.discipline.id), keyOf.get(w.users.secretary.id), w.deps.keys.auditKey.publicKey,
    ]);
    for (const r of rows) {
      expect(stepHash(w.deps.crypto.sm3, r)).toBe(r.hash);
      expect(w.deps.crypto.sm2Verify(r.public_key, stepMessage(w.tenantId, clue, Number(r.seq), r.hash), r.signature)).toBe(true);
    }
    const sealed = rows[1]!;
    expect(sealed.facts_enc).not.toContain('accept');
    const facts = w.deps.crypto.decrypt(w.tenantId, sealed.facts_enc, factsAad(sealed.id));
    expect(facts).toBe(canonicalFacts({ reason, decision: 'accept' }));
    expect(w.deps.crypto.sm3(facts)).toBe(sealed.facts_hash);
    expect(await head(clue)).toEqual({ step_count: 4, step_head: rows[3]!.hash });
    expect(await verify(clue)).toEqual({ ok: true, steps: 4, problems: [] });
  });

  it('hashes the same facts the same whatever order their keys came in', () => {
    expect(canonicalFacts({ a: 1, b: [true, null], c: 'x' })).toBe(canonicalFacts({ c: 'x', b: [true, null], a: 1 }));
    expect(canonicalFacts({ a: 1 })).not.toBe(canonicalFacts({ a: '1' }));
  });

  it('keeps one chain per clue', async () => {
    const [a, b] = [await bareClue(w), await bareClue(w)];
    await appendAs(discipline, a, [['registered', {}]]);
    await appendAs(discipline, b, [['registered', {}], ['proposed', { method: 'shelve' }]]);
    await appendAs(discipline, a, [['proposed', { method: 'close' }]]);
    expect((await stepRows(w.deps.db, w.tenantId, a)).map((r) => Number(r.seq))).toEqual([1, 2]);
    expect(await verify(a)).toEqual({ ok: true, steps: 2, problems: [] });
    expect(await verify(b)).toEqual({ ok: true, steps: 2, problems: [] });
  });

  it('chains steps sent at once in one order', async () => {
    const clue = await bareClue(w);
    await Promise.all(Array.from({ length: 8 }, (_, i) => appendAs(i % 2 ? discipline : secretary, clue, [['access_added', { n: i }]])));
    const rows = await stepRows(w.deps.db, w.tenantId, clue);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await verify(clue)).toEqual({ ok: true, steps: 8, problems: [] });
  });

  it('leaves neither step nor count behind when the use case fails after appending', async () => {
    const clue = await bareClue(w);
    await appendAs(discipline, clue, [['registered', {}]]);
    const failing = w.deps.db.transaction().execute(async (tx) => {
      await appendClueStep(tx, discipline, clue, 'proposed', { method: 'close' });
      throw new Error('use case failed');
    });
    await expect(failing).rejects.toThrow('use case failed');
    expect(await stepRows(w.deps.db, w.tenantId, clue)).toHaveLength(1);
    expect((await head(clue)).step_count).toBe(1);
    expect(await verify(clue)).toEqual({ ok: true, steps: 1, problems: [] });
  });

  it('refuses content in the facts, a missing clue, and public callers, storing nothing', async () => {
    const clue = await bareClue(w);
    const letter = '反映某某同志'.repeat(40);
    await expect(appendAs(discipline, clue, [['registered', { content: letter }]])).rejects.toThrow(/content/);
    await expect(appendAs(discipline, clue, [['registered', { nested: { a: 1 } as never }]])).rejects.toThrow(/nested/);
    await expect(appendAs(discipline, clue, [['registered', { n: Number.NaN }]])).rejects.toThrow();
    await expect(appendAs(discipline, '01900000-0000-7000-8000-000000000000', [['registered', {}]])).rejects.toThrow(/no clue/);
    const pub: Ctx = { ...systemCtx(w.deps, w.tenantId), actor: { kind: 'public', tenantId: w.tenantId } };
    await expect(appendAs(pub, clue, [['registered', {}]])).rejects.toThrow();
    expect(await stepRows(w.deps.db, w.tenantId, clue)).toEqual([]);
    expect(await head(clue)).toEqual({ step_count: 0, step_head: null });
  });

  it('refuses to change or remove a step through the database’s own guard', async () => {
    const clue = await bareClue(w);
    await appendAs(discipline, clue, [['registered', {}]]);
    const q = w.deps.db.updateTable('clue_step').set({ kind: 'closed' }).where('tenant_id', '=', w.tenantId).where('clue_id', '=', clue);
    await expect(q.execute()).rejects.toThrow(/append-only/);
    await expect(w.deps.db.deleteFrom('clue_step').where('tenant_id', '=', w.tenantId).where('clue_id', '=', clue).execute()).rejects.toThrow(/append-only/);
  });
});

/** A clock that moves on every reading, as the real one does between two statements. */
class TickingClock extends FakeClock {
  override now(): Date {
    const d = super.now();
    this.advance(1);
    return d;
  }
}

describe('a handler’s first step, on a clock that moves', () => {
  it('is signed with a key that already counted when the step took its time', async () => {
    const tw = await createWorld({ clock: new TickingClock('2026-03-02T09:00:00+08:00') });
    try {
      const clue = await bareClue(tw);
      await appendAs(await userCtx(tw, 'discipline'), clue, [['registered', {}], ['proposed', { method: 'close' }]]);
      await appendAs(await userCtx(tw, 'secretary'), clue, [['approved', { approve: true }]]);
      expect(await verifyClueSteps(tw.deps.db, tw.deps, tw.tenantId, clue)).toEqual({ ok: true, steps: 3, problems: [] });
    } finally {
      await tw.close();
    }
  });
});
