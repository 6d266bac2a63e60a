import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { SESSION_COOKIE } from '../platform/auth/session.js';
import { freshTarget, type FreshTarget } from '../platform/backup/fresh-target.js';
import { openDatabase } from '../platform/db/database.js';
import { CSRF_HEADER } from '../platform/http/route-config.js';
import { buildDemoPlan, DEMO_PASSWORD } from '../seed/demo-plan.js';
import { runCli, startServe } from './cli-process.js';

const TOKEN = /\/setup\?token=([A-Za-z0-9_-]{43})/;
const targets: FreshTarget[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-cli-'));

async function fresh(): Promise<FreshTarget> {
  const t = await freshTarget();
  targets.push(t);
  return t;
}

afterAll(async () => {
  for (const t of targets) await t.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function withDb<T>(t: FreshTarget, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: t.databaseUrl, dataDir: t.dataDir, poolSize: 1 });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: JSON.stringify(body) });

/** Every case starts real processes (tsx, the app, argon2 at production cost): generous on a loaded machine. */
const SLOW = { timeout: 240_000 };

describe('serve on an empty database', SLOW, () => {
  let t: FreshTarget;
  beforeAll(async () => {
    t = await fresh();
  });

  it('creates the tenant and prints a one-time set-up link — to the terminal, never into the log — that a restart replaces', async () => {
    const env = { ...t.env, LOG_LEVEL: 'info', QINGFENG_TENANT_NAME: '长江河道管理局' };
    const first = await startServe([], env);
    const token1 = (await first.waitFor(TOKEN))[1]!;
    expect(await (await fetch(`${first.url}/api/auth/setup`)).json()).toEqual({ needsSetup: true });
    expect(await first.stop()).toBe(0);
    const logLines = first.output().split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(token1))).toEqual([]);

    const stored = await withDb(t, async (db) => ({
      tenant: await db.selectFrom('tenant').select(['name', 'is_default', 'is_demo']).executeTakeFirstOrThrow(),
      token: await db.selectFrom('setup_token').selectAll().executeTakeFirstOrThrow(),
    }));
    expect(stored.tenant).toEqual({ name: '长江河道管理局', is_default: 1, is_demo: 0 });
    expect(JSON.stringify(stored.token)).not.toContain(token1);
    expect(stored.token.used_at).toBeNull();

    const second = await startServe([], env);
    const token2 = (await second.waitFor(TOKEN))[1]!;
    expect(token2).not.toBe(token1);
    const account = { username: 'root1', displayName: '系统管理员', password: 'Str0ng#Passw0rd' };
    expect((await post(`${second.url}/api/auth/setup`, { token: token1, ...account })).status).toBe(401);
    expect((await post(`${second.url}/api/auth/setup`, { token: token2, ...account })).status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);

    const third = await startServe([], env);
    expect(await (await fetch(`${third.url}/api/auth/setup`)).json()).toEqual({ needsSetup: false });
    expect(third.output()).not.toMatch(TOKEN);
    expect(await third.stop()).toBe(0);
  });

  it('refuses to seed demo data beside the real tenant unless forced, then puts it on its own host', async () => {
    const refused = await runCli(['seed'], t.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('default');
    const forced = await runCli(['seed', '--force'], t.env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('demo.localhost');
    expect(forced.stdout).toContain(DEMO_PASSWORD);
    const again = await runCli(['seed', '--force'], t.env);
    expect(again.stdout).toContain('Created now: 0 orgs, 0 people, 0 posts, 0 leaders, 0 accounts, 0 role assignments');
    const tenants = await withDb(t, (db) => db.selectFrom('tenant').select(['code', 'host', 'is_default']).orderBy('code').execute());
    expect(tenants).toEqual([
      { code: 'default', host: null, is_default: 1 },
      { code: 'demo', host: 'demo.localhost', is_default: 0 },
    ]);
  });

  it('creates administrators of each kind who must change the generated password', async () => {
    const made = await runCli(['user', 'create-admin', '--username', 'secadm', '--kind', 'security', '--display-name', '保密员'], t.env);
    expect(made.code, made.stderr).toBe(0);
    const password = made.stdout.trim().split('\n').at(-1)!;
    expect(password).toMatch(/^\S{16}$/);
    expect((await runCli(['user', 'create-admin', '--username', 'SECADM'], t.env)).code).toBe(1);
    expect((await runCli(['user', 'create-admin', '--username', 'x1', '--kind', 'business'], t.env)).code).toBe(2);
    expect((await runCli(['user', 'create-admin'], t.env)).code).toBe(2);

    const app = await buildApp({ config: loadConfig({ ...t.env, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' }), env: t.env });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { [CSRF_HEADER]: '1' }, payload: { username: 'secadm', password } });
      expect(login.statusCode).toBe(200);
      expect(login.json().passwordChange).toBe(true);
      const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      const me = (await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie } })).json();
      expect(me).toMatchObject({ accountKind: 'security', displayName: '保密员', roles: ['security_admin'] });
      const actions = await app.deps.db.selectFrom('audit_log').select(['action', 'actor_kind']).where('action', 'in', ['user.create', 'assignment.create']).where('object_id', 'is not', null).orderBy('seq', 'desc').limit(2).execute();
      expect(actions.map((a) => a.action).sort()).toEqual(['assignment.create', 'user.create']);
      expect(actions.every((a) => a.actor_kind === 'system')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('generates benchmark people into a tenant with orgs, sealed like the people service seals them', async () => {
    expect((await runCli(['bench-data', '--people', '10'], t.env)).code).toBe(1);
    expect((await runCli(['bench-data', '--people', 'many'], t.env)).code).toBe(2);
    const before = await withDb(t, (db) => db.selectFrom('person').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow());
    const r = await runCli(['bench-data', '--people', '1234', '--tenant', 'demo'], t.env);
    expect(r.code, r.stderr).toBe(0);
    const after = await withDb(t, (db) => db.selectFrom('person').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow());
    expect(Number(after.n) - Number(before.n)).toBe(1234);
    const app = await buildApp({ config: loadConfig({ ...t.env, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' }), env: t.env });
    try {
      const demo = await app.deps.db.selectFrom('tenant').select('id').where('code', '=', 'demo').executeTakeFirstOrThrow();
      const p = await app.deps.db.selectFrom('person').selectAll().where('tenant_id', '=', demo.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const mobile = app.deps.crypto.decrypt(demo.id, p.mobile_enc!, `person:mobile:${p.id}`);
      expect(mobile).toMatch(/^1[3-9][0-9]{9}$/);
      expect(p.mobile_bidx).toBe(app.deps.crypto.blindIndex(demo.id, 'person.mobile', mobile));
      const audit = await app.deps.db.selectFrom('audit_log').select('details').where('tenant_id', '=', demo.id).where('action', '=', 'bench.generate').execute();
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ people: 1234 }]);
    } finally {
      await app.close();
    }
  });

  it('verifies every audit chain, and names the first record an intruder with database access rewrote', async () => {
    const ok = await runCli(['audit', 'verify'], t.env);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('tenant demo');
    expect(ok.stdout).toContain('tenant default');
    expect((await runCli(['audit', 'verify', '--tenant', 'nope'], t.env)).code).toBe(2);

    await withDb(t, async (db) => {
      const demo = await db.selectFrom('tenant').select('id').where('code', '=', 'demo').executeTakeFirstOrThrow();
      const lift = t.databaseUrl ? 'alter table audit_log disable trigger audit_log_no_change' : 'drop trigger audit_log_no_update';
      await sql.raw(lift).execute(db);
      await db.updateTable('audit_log').set({ details: '{"rewritten":true}' }).where('tenant_id', '=', demo.id).where('seq', '=', 7).execute();
    });
    const broken = await runCli(['audit', 'verify'], t.env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/tenant demo: the audit chain fails at record 7 \(the content was changed\)/);
    expect(broken.stdout).toMatch(/tenant default: \d+ audit records/);
    expect((await runCli(['audit', 'verify', '--tenant', 'default'], t.env)).code).toBe(0);
  });
});

describe('serve --demo-if-empty', SLOW, () => {
  it('writes the demo tenant as the default one, prints no set-up link, and the demo admin signs in', async () => {
    const t = await fresh();
    const s = await startServe(['--demo-if-empty'], t.env);
    try {
      await s.waitFor(/Demo password: Demo@2026/);
      expect(s.output()).not.toMatch(TOKEN);
      const res = await post(`${s.url}/api/auth/login`, { username: 'admin', password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ mfa: null, passwordChange: false });
    } finally {
      expect(await s.stop()).toBe(0);
    }
    const people = await withDb(t, (db) => db.selectFrom('person').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow());
    expect(Number(people.n)).toBe(buildDemoPlan().people.length);
  });
});

describe('command-line errors', SLOW, () => {
  it('reports an invalid configuration with exit 2 and no stack trace', async () => {
    const bad: Record<string, string>[] = [{ PORT: '99999' }, { DATABASE_URL: 'mysql://x' }, { QINGFENG_STORAGE: 's3' }];
    for (const env of bad) {
      const r = await runCli(['migrate'], { QINGFENG_DATA_DIR: path.join(work, 'bad'), ...env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^Invalid configuration: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('answers an unknown command or option with usage and exit 2, and help with exit 0', async () => {
    expect((await runCli(['frobnicate'], {})).code).toBe(2);
    expect((await runCli(['migrate', '--frobnicate'], {})).code).toBe(2);
    const help = await runCli(['help'], {});
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('user create-admin');
  });

  it('backs up and restores from the command line: passphrase required, a wrong one exits 2', async () => {
    const src = await fresh();
    expect((await runCli(['seed'], src.env)).code).toBe(0);
    const file = path.join(work, 'cli.qfbak');
    expect((await runCli(['backup', file], src.env)).code).toBe(2);
    expect((await runCli(['backup', file], { ...src.env, QINGFENG_BACKUP_PASSPHRASE: 'short' })).code).toBe(2);
    const made = await runCli(['backup', file], { ...src.env, QINGFENG_BACKUP_PASSPHRASE: 'a long enough passphrase' });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/tenant demo: \d+ audit records and 0 signed checkpoints verify, tenant key opens/);

    const dst = await fresh();
    const wrong = await runCli(['restore', file], { ...dst.env, QINGFENG_BACKUP_PASSPHRASE: 'not the passphrase!' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Wrong passphrase');
    const right = await runCli(['restore', file], { ...dst.env, QINGFENG_BACKUP_PASSPHRASE: 'a long enough passphrase' });
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toMatch(/tenant demo: \d+ audit records/);
    const again = await runCli(['restore', file], { ...dst.env, QINGFENG_BACKUP_PASSPHRASE: 'a long enough passphrase' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});
