import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../../platform/context.js';
import { sm2PublicKeyPem } from '../../../platform/crypto/sm2-der.js';
import { createWorld, type World } from '../../../test/world.js';
import { accepted, CLUE_CONTENT, CLUE_REPORTER, CLUE_SUMMARY, listed } from '../clues.fixtures.js';
import { digestText } from './steps.append.js';
import { canonicalFacts, factsAad, stepMessage } from './steps.chain.js';
import { appendAs, bareClue, listOn, privileged, userCtx } from './steps.fixture.js';
import { stepRows } from './steps.repo.js';

let w: World;
let discipline: Ctx;
let secretary: Ctx;
beforeAll(async () => {
  w = await createWorld();
  discipline = await userCtx(w, 'discipline');
  secretary = await userCtx(w, 'secretary');
});
afterAll(async () => w.close());

async function handledClue(): Promise<string> {
  const clue = await bareClue(w);
  await listOn(w, clue, 'discipline', 'owner');
  await listOn(w, clue, 'secretary', 'approver');
  await appendAs(discipline, clue, [['registered', { source: 'letter', named: true }], ['proposed', { method: 'talk_inquiry', reason: digestText(discipline, '线索具体') }]]);
  await appendAs(secretary, clue, [['approved', { approve: true }]]);
  await appendAs(systemCtx(w.deps, w.tenantId), clue, [['reviewed', { due: '2026-05-06' }]]);
  return clue;
}

describe('GET /api/clues/:id/steps', () => {
  it('shows each step with its number, time, actor, kind and facts, marked signed', async () => {
    const clue = await handledClue();
    const res = await w.as('secretary').get(`/api/clues/${clue}/steps`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { seq: number; kind: string; actor: { id: string; name: string } | null; facts: object; signed: boolean; at: string; hash: string; prevHash: string }[];
    expect(items.map((s) => [s.seq, s.kind, s.actor?.id ?? null, s.signed])).toEqual([
      [1, 'registered', w.users.discipline.id, true],
      [2, 'proposed', w.users.discipline.id, true],
      [3, 'approved', w.users.secretary.id, true],
      [4, 'reviewed', null, true],
    ]);
    const names = await w.deps.db.selectFrom('user_account').select(['id', 'display_name']).where('id', 'in', [w.users.discipline.id, w.users.secretary.id]).execute();
    const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
    expect(items[0]!.actor!.name).toBe(nameOf.get(w.users.discipline.id));
    expect(items[2]!.actor!.name).toBe(nameOf.get(w.users.secretary.id));
    expect(items[1]!.facts).toEqual({ method: 'talk_inquiry', reason: w.deps.crypto.sm3('线索具体') });
    expect(items[3]!.facts).toEqual({ due: '2026-05-06' });
    expect(items[1]!.prevHash).toBe(items[0]!.hash);
    expect(res.body).not.toContain('线索具体');
  });

  it('still shows a tampered log, with broken steps unsigned and no forged facts', async () => {
    const clue = await handledClue();
    const rows = await stepRows(w.deps.db, w.tenantId, clue);
    await privileged(w, async () => {
      const forged = canonicalFacts({ method: 'close', reason: w.deps.crypto.sm3('另一理由') });
      await w.deps.db.updateTable('clue_step').set({ facts_enc: w.deps.crypto.encrypt(w.tenantId, forged, factsAad(rows[1]!.id)) }).where('id', '=', rows[1]!.id).execute();
      await w.deps.db.updateTable('clue_step').set({ facts_enc: w.deps.crypto.encrypt(w.tenantId, '[]', factsAad('elsewhere')) }).where('id', '=', rows[0]!.id).execute();
      await w.deps.db.updateTable('clue_step').set({ signature: rows[0]!.signature }).where('id', '=', rows[2]!.id).execute();
    });
    const items = (await w.as('discipline').get(`/api/clues/${clue}/steps`)).json().items as { facts: object; signed: boolean }[];
    expect(items.map((s) => s.signed)).toEqual([false, false, false, true]);
    expect(items[0]!.facts).toEqual({});
    expect(items[1]!.facts).toEqual({});
    expect(items[2]!.facts).toEqual({ approve: true });
  });
});

describe('GET /api/clues/:id/steps/verify', () => {
  it('answers ok for an intact log and names what broke in a tampered one', async () => {
    const clue = await handledClue();
    expect((await w.as('discipline').get(`/api/clues/${clue}/steps/verify`)).json()).toEqual({ ok: true, steps: 4, problems: [] });
    const rows = await stepRows(w.deps.db, w.tenantId, clue);
    await privileged(w, () => w.deps.db.deleteFrom('clue_step').where('id', 'in', [rows[1]!.id, rows[3]!.id]).execute());
    expect((await w.as('discipline').get(`/api/clues/${clue}/steps/verify`)).json()).toEqual({
      ok: false,
      steps: 2,
      problems: [{ seq: 2, kind: 'gap' }, { seq: 4, kind: 'head' }],
    });
  });

  it('answers an empty log of a clue with no steps as ok', async () => {
    const clue = await bareClue(w);
    await listOn(w, clue, 'discipline', 'owner');
    expect((await w.as('discipline').get(`/api/clues/${clue}/steps/verify`)).json()).toEqual({ ok: true, steps: 0, problems: [] });
  });
});

describe('GET /api/clues/:id/steps/:seq/signature', () => {
  it('hands out the signed message, the DER signature and the signer’s public key', async () => {
    const clue = await handledClue();
    const rows = await stepRows(w.deps.db, w.tenantId, clue);
    const res = await w.as('discipline').get(`/api/clues/${clue}/steps/3/signature`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { message: string; signature: string; publicKeyPem: string };
    expect(body.message).toBe(stepMessage(w.tenantId, clue, 3, rows[2]!.hash));
    const der = Buffer.from(body.signature, 'base64');
    expect(der[0]).toBe(0x30);
    expect(body.publicKeyPem).toBe(sm2PublicKeyPem(rows[2]!.public_key));
    expect(w.deps.crypto.sm2Verify(rows[2]!.public_key, body.message, der.toString('hex'))).toBe(true);
  });

  it('answers 404 for a step number the log does not have', async () => {
    const clue = await handledClue();
    const res = await w.as('discipline').get(`/api/clues/${clue}/steps/5/signature`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('who may read a clue’s log', () => {
  const routes = (clue: string) => [`/api/clues/${clue}/steps`, `/api/clues/${clue}/steps/verify`, `/api/clues/${clue}/steps/1/signature`];

  it('nobody off the clue’s list: the clue does not exist for them', async () => {
    const clue = await handledClue();
    await w.deps.db.deleteFrom('clue_access').where('clue_id', '=', clue).where('account_id', '=', w.users.secretary.id).execute();
    for (const url of routes(clue)) {
      const res = await w.as('secretary').get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (const url of routes('01900000-0000-7000-8000-000000000000')) expect((await w.as('discipline').get(url)).statusCode).toBe(404);
  });

  it('nobody recused, even when listed: the reported org’s chain', async () => {
    const clue = await bareClue(w, w.orgs.branch1);
    await listOn(w, clue, 'discipline', 'owner');
    await appendAs(discipline, clue, [['registered', {}]]);
    for (const url of routes(clue)) expect((await w.as('discipline').get(url)).statusCode, url).toBe(404);
  });

  it('not a registrar after hand-off, who keeps the register entry only', async () => {
    const clue = await handledClue();
    await listOn(w, clue, 'secretary', 'registrar');
    await w.deps.db.deleteFrom('clue_access').where('clue_id', '=', clue).where('account_id', '=', w.users.secretary.id).where('role', '=', 'approver').execute();
    for (const url of routes(clue)) expect((await w.as('secretary').get(url)).statusCode, url).toBe(403);
  });

  it('no one without clue:read', async () => {
    const clue = await handledClue();
    await listOn(w, clue, 'orgOfficer', 'handler');
    for (const url of routes(clue)) expect((await w.as('orgOfficer').get(url)).statusCode, url).toBe(403);
  });
});

describe('the log the clue services write', () => {
  it('holds each of their steps, signed by whoever took it, verifying, and none of the clue’s text', async () => {
    const clue = await accepted(w);
    await listed(w, clue, 'secretary', 'approver');
    const res = await w.as('secretary').get(`/api/clues/${clue}/steps`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { seq: number; kind: string; actor: { id: string } | null; signed: boolean }[];
    expect(items.map((s) => [s.seq, s.kind, s.actor?.id, s.signed])).toEqual([
      [1, 'registered', w.users.discipline.id, true],
      [2, 'scope_decided', w.users.discipline.id, true],
      [3, 'access_added', w.users.discipline.id, true],
    ]);
    for (const text of [CLUE_CONTENT, CLUE_SUMMARY, CLUE_REPORTER.name, CLUE_REPORTER.mobile, CLUE_REPORTER.unit, '赵某某']) expect(res.body).not.toContain(text);
    expect((await w.as('secretary').get(`/api/clues/${clue}/steps/verify`)).json()).toEqual({ ok: true, steps: 3, problems: [] });
  });
});
