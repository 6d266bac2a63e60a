import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { appendAs, accountCtx, bareClue, privileged } from '../modules/clues/steps/steps.fixture.js';
import { stepRows } from '../modules/clues/steps/steps.repo.js';
import { freshTarget, type FreshTarget } from '../platform/backup/fresh-target.js';
import { systemCtx } from '../platform/context.js';
import { runCli } from './cli-process.js';

/** Real processes (tsx, the app): generous on a loaded machine. */
const SLOW = { timeout: 240_000 };

let t: FreshTarget;
let app: FastifyInstance;
let tenantId: string;
const clues: { id: string; code: string }[] = [];

beforeAll(async () => {
  t = await freshTarget();
  const seeded = await runCli(['seed'], t.env);
  expect(seeded.code, seeded.stderr).toBe(0);
  app = await buildApp({ config: loadConfig({ ...t.env, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' }), env: t.env });
  const { deps } = app;
  tenantId = (await deps.db.selectFrom('tenant').select('id').where('code', '=', 'demo').executeTakeFirstOrThrow()).id;
  const org = await deps.db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('parent_id', 'is not', null).executeTakeFirstOrThrow();
  const jijian = await deps.db.selectFrom('user_account').select('id').where('tenant_id', '=', tenantId).where('username', '=', 'jijian').executeTakeFirstOrThrow();
  const handler = await accountCtx(deps, tenantId, jijian.id);
  for (let i = 0; i < 2; i += 1) {
    const id = await bareClue({ deps, tenantId, orgs: { unitA: org.id } });
    await appendAs(handler, id, [['registered', { source: 'phone' }], ['proposed', { method: 'close' }]]);
    await appendAs(systemCtx(deps, tenantId), id, [['reviewed', {}]]);
    clues.push({ id, code: (await deps.db.selectFrom('clue').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code });
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('qingfeng clue verify', SLOW, () => {
  it('verifies every clue log of the tenant with the installation’s keys', async () => {
    const r = await runCli(['clue', 'verify', '--tenant', 'demo'], t.env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const count = (table: 'clue' | 'clue_step') =>
      app.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    // The demo data may hold clues of its own; they must verify too.
    const [n, steps] = [Number((await count('clue')).n), Number((await count('clue_step')).n)];
    expect(n).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toContain(`Every clue step log of tenant demo verifies: ${n} clues, ${steps} steps.`);
  });

  it('names each broken log and what broke in it, and exits 1', async () => {
    const [first, second] = clues as [{ id: string; code: string }, { id: string; code: string }];
    const rows = await stepRows(app.deps.db, tenantId, first.id);
    await privileged(app, () => app.deps.db.deleteFrom('clue_step').where('tenant_id', '=', tenantId).where('id', '=', rows[2]!.id).execute());
    const r = await runCli(['clue', 'verify', '--tenant', 'demo'], t.env);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain(`clue ${first.code}: the log does not end at step 3`);
    expect(r.stdout).not.toContain(second.code);
    expect(r.stdout).toMatch(/\n1 of the \d+ clue step logs of tenant demo are broken\./);
    const one = await runCli(['clue', 'verify', '--tenant', 'demo', '--clue', second.code], t.env);
    expect(one.code, one.stdout).toBe(0);
    expect(one.stdout).toContain('1 clues, 3 steps');
  });

  it('answers 2 to an unknown tenant or clue and to an unknown option', async () => {
    expect((await runCli(['clue', 'verify', '--tenant', 'nope'], t.env)).code).toBe(2);
    const unknown = await runCli(['clue', 'verify', '--tenant', 'demo', '--clue', 'XS-1999-0001'], t.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr + unknown.stdout).toContain('Tenant demo has no clue XS-1999-0001.');
    expect((await runCli(['clue', 'verify', '--all'], t.env)).code).toBe(2);
  });
});
