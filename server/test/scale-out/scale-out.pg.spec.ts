import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../../bench/processes.js';
import { nowIso, systemClock, FakeClock } from '../../platform/clock/clock.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { CSRF_HEADER } from '../../platform/http/route-config.js';
import { createWorld, FIXTURE_PASSWORD, type World } from '../world.js';

// Several processes on one database is the PostgreSQL deployment; without it this file must fail, not pass empty.
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) throw new Error('the scale-out test runs on PostgreSQL only: set TEST_DATABASE_URL (npm run test:scale-out)');

let w: World;
let a: Server;
let b: Server;
const dirs: string[] = [];

/** Two real server processes on one PostgreSQL schema, each with its own empty data directory and the keys given in the environment. */
beforeAll(async () => {
  // The fixture's data must not be months older than the servers' own clock (password expiry).
  w = await createWorld({ clock: new FakeClock(nowIso(systemClock)) });
  const db = w.deps.db;
  await sql`create table scale_out_probe (job_id text not null, instance text not null)`.execute(db);
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s;
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const keys = path.join(w.dataDir, 'keys');
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    QINGFENG_MASTER_KEY: fs.readFileSync(path.join(keys, 'master.key'), 'utf8').trim(),
    QINGFENG_AUDIT_KEY: (JSON.parse(fs.readFileSync(path.join(keys, 'audit-sm2.json'), 'utf8')) as { privateKey: string }).privateKey,
    LOG_LEVEL: 'warn',
  };
  const node = (name: string) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `qf-scale-${name}-`));
    dirs.push(dataDir);
    return startServer({ entry: ['server/test/scale-out/serve-node.ts'], env: { ...env, QINGFENG_DATA_DIR: dataDir }, readyPath: '/api/health', logFile: path.join(dataDir, 'server.log') });
  };
  [a, b] = await Promise.all([node('a'), node('b')]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const d of dirs) {
    const file = path.join(d, 'server.log');
    const errors = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => /"level":(50|60)/.test(l)) : [];
    if (errors.length) process.stderr.write(`${errors.length} error lines from ${path.basename(d)}, first: ${errors[0]!.slice(0, 400)}\n`);
    fs.rmSync(d, { recursive: true, force: true });
  }
  await w?.close();
});

async function call(server: Server, method: string, url: string, opts: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      [CSRF_HEADER]: '1',
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: `${SESSION_COOKIE}=${opts.cookie}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

async function login(server: Server, username: string): Promise<string> {
  const res = await call(server, 'POST', '/api/auth/login', { body: { username, password: FIXTURE_PASSWORD } });
  expect(res.status, res.text).toBe(200);
  const token = /qf_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  expect(token).toBeTruthy();
  return token!;
}

describe('two server processes on one PostgreSQL database', () => {
  it('are two processes', () => {
    expect(a.pid).not.toBe(b.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('share sessions: a login through A works through B, and a logout through B ends it for A', async () => {
    const token = await login(a, 'orgOfficer');
    const me = await call(b, 'GET', '/api/auth/me', { cookie: token });
    expect(me.status, me.text).toBe(200);
    expect(me.json().username).toBe('orgOfficer');
    expect((await call(a, 'GET', '/api/orgs', { cookie: token })).status).toBe(200);

    const out = await call(b, 'POST', '/api/auth/logout', { cookie: token });
    expect(out.status, out.text).toBe(200);
    const after = await call(a, 'GET', '/api/auth/me', { cookie: token });
    expect(after.status).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('share idempotency keys: a replay through B of a create made through A returns the same result and creates nothing', async () => {
    const token = await login(a, 'orgOfficer');
    const key = `scale-out-${Date.now()}`;
    const body = { parentId: w.orgs.bureau, kind: 'section', name: '横向扩展股' };
    const first = await call(a, 'POST', '/api/orgs', { cookie: token, body, headers: { 'idempotency-key': key } });
    expect(first.status, first.text).toBe(201);
    const replay = await call(b, 'POST', '/api/orgs', { cookie: token, body, headers: { 'idempotency-key': key } });
    expect(replay.status, replay.text).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json()).toEqual(first.json());

    const id = String(first.json().id);
    const orgs = await w.deps.db.selectFrom('org').select('id').where('tenant_id', '=', w.tenantId).where('name', '=', body.name).execute();
    expect(orgs.map((o) => o.id)).toEqual([id]);
    const audits = await w.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'org.create').where('object_id', '=', id).execute();
    expect(audits).toHaveLength(1);

    const reused = await call(b, 'POST', '/api/orgs', { cookie: token, body: { ...body, name: '另一个股室' }, headers: { 'idempotency-key': key } });
    expect(reused.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('run each cron slot once: both processes tick and run jobs, no slot runs twice', async () => {
    const db = w.deps.db;
    const runs = async () => (await sql<{ job_id: string; instance: string }>`select job_id, instance from scale_out_probe`.execute(db)).rows;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const r = await runs();
      if (new Set(r.map((x) => x.instance)).size === 2 && new Set(r.map((x) => x.job_id)).size >= 6) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    const probeRuns = await runs();
    expect(new Set(probeRuns.map((r) => r.instance)).size, 'both processes ran probe slots').toBe(2);
    const ranPerJob = new Map<string, number>();
    for (const r of probeRuns) ranPerJob.set(r.job_id, (ranPerJob.get(r.job_id) ?? 0) + 1);
    expect([...ranPerJob.values()].filter((n) => n > 1), 'jobs run more than once').toEqual([]);
    const slots = await db.selectFrom('job').select(['id', 'dedupe_key', 'attempts', 'locked_by']).where('kind', '=', 'scale_out.probe').execute();
    const slotOf = new Map(slots.map((s) => [s.id, s.dedupe_key]));
    const ranSlots = probeRuns.map((r) => slotOf.get(r.job_id));
    expect(ranSlots.every((s) => s), 'every run belongs to a cron slot').toBe(true);
    expect(new Set(ranSlots).size, 'slots run more than once').toBe(ranSlots.length);
    expect(ranSlots.length).toBeGreaterThanOrEqual(6);
    for (const s of slots.filter((j) => ranPerJob.has(j.id))) expect(s.attempts, `${s.dedupe_key} claimed more than once`).toBe(1);

    const platform = await db.selectFrom('job').select(['kind', 'dedupe_key', 'status', 'attempts']).where('kind', 'in', ['audit.checkpoint', 'platform.purge']).execute();
    expect(platform.map((j) => j.kind).sort()).toEqual(['audit.checkpoint', 'platform.purge']);
    for (const j of platform) expect(j).toMatchObject({ status: 'done', attempts: 1 });
    const checkpoints = await db.selectFrom('audit_checkpoint').select(['tenant_id', 'seq']).execute();
    expect(new Set(checkpoints.map((c) => `${c.tenant_id}:${c.seq}`)).size).toBe(checkpoints.length);
  });

  it('share the login rate limit: the 31st attempt in a minute is refused whichever process gets it', async () => {
    await w.deps.db.deleteFrom('rate_limit').execute();
    const attempt = (server: Server) => call(server, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'Wrong#Password1' } });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(i % 2 === 0 ? a : b)).status);
    expect(statuses.filter((s) => s === 429), 'refused within the budget').toEqual([]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const fromA = await attempt(a);
    const fromB = await attempt(b);
    expect(fromA.status, fromA.text).toBe(429);
    expect(fromB.status, fromB.text).toBe(429);
    expect(fromB.json().error).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
