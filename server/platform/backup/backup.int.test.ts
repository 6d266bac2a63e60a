import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig, type Config } from '../../config.js';
import { buildDemoPlan, DEMO_PASSWORD } from '../../seed/demo-plan.js';
import { seedDemo } from '../../seed/demo-seed.js';
import { FAST_HASH } from '../../test/world.js';
import { SESSION_COOKIE } from '../auth/session.js';
import { systemCtx } from '../context.js';
import { systemClock } from '../clock/clock.js';
import { writeAuditAlone } from '../audit/audit.js';
import { signCheckpoint } from '../audit/checkpoint.js';
import { verifyAuditChain } from '../audit/verify.js';
import { CSRF_HEADER } from '../http/route-config.js';
import { files, upload } from '../storage/test-files.js';
import { BackupError } from './backup-error.js';
import { createBackup } from './create-backup.js';
import { freshTarget, type FreshTarget } from './fresh-target.js';
import { restoreBackup } from './restore-backup.js';

const PASSPHRASE = 'river-guard 长江 2026';
const plan = buildDemoPlan();
const marker = plan.people[0]!;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-backup-'));
const archive = path.join(work, 'qingfeng.qfbak');
const configOf = (t: FreshTarget): Config => ({ ...loadConfig({ ...t.env, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' }), passwordHashing: FAST_HASH });

let source: FreshTarget;
let tenantId: string;
let auditRecords: number;
let attachment: { id: string; data: Buffer };
const targets: FreshTarget[] = [];

async function fresh(): Promise<FreshTarget> {
  const t = await freshTarget();
  targets.push(t);
  return t;
}

async function signIn(app: FastifyInstance, username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { [CSRF_HEADER]: '1' }, payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies = { [SESSION_COOKIE]: res.cookies.find((c) => c.name === SESSION_COOKIE)!.value };
  return (opts: { method: 'GET' | 'POST'; url: string; payload?: Buffer; headers?: Record<string, string> }) =>
    app.inject({ ...opts, cookies, headers: { [CSRF_HEADER]: '1', ...opts.headers } });
}

function failure(e: unknown): BackupError {
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

const backup = (t: FreshTarget, file: string, passphrase = PASSPHRASE) => createBackup({ config: configOf(t), file, passphrase, env: t.env, clock: systemClock, iterations: 20_000 });
const restore = (t: FreshTarget, file: string, opts: { passphrase?: string; force?: boolean } = {}) =>
  restoreBackup({ config: configOf(t), file, passphrase: opts.passphrase ?? PASSPHRASE, env: t.env, force: opts.force ?? false });

beforeAll(async () => {
  source = await fresh();
  const app = await buildApp({ config: configOf(source), env: source.env });
  try {
    tenantId = (await seedDemo(app.deps, { makeDefault: true })).tenantId;
    const staff = await signIn(app, 'staff');
    const body = upload('整改报告.pdf', files.pdf);
    const up = await staff({ method: 'POST', url: '/api/attachments', payload: body.payload, headers: body.headers });
    expect(up.statusCode, up.body).toBe(201);
    attachment = { id: up.json().id, data: files.pdf };
    for (const n of [1, 2, 3]) await writeAuditAlone(systemCtx(app.deps, tenantId), { action: 'backup.test', objectType: 'test', details: { n } });
    // A signed checkpoint makes the restored chain verify only with the restored audit key.
    expect(await signCheckpoint(app.deps, tenantId)).not.toBeNull();
    auditRecords = (await verifyAuditChain(app.deps.db, app.deps.crypto, tenantId, [app.deps.keys.auditKey.publicKey])).records;
  } finally {
    await app.close();
  }
  await backup(source, archive);
});

afterAll(async () => {
  for (const t of targets) await t.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one file that shows no plaintext: no mobile, no name, no SQLite or pg_dump header, no attachment bytes', () => {
    const bytes = fs.readFileSync(archive);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const needle of [marker.mobile, marker.name, '长江河道管理局', 'SQLite format 3', 'PGDMP', 'CREATE TABLE', '%PDF-1.4']) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    }
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite an existing file and leaves nothing behind in the data dir', async () => {
    failure(await backup(source, archive).catch((e: unknown) => e));
    expect(fs.readdirSync(source.dataDir).filter((f) => f.startsWith('.backup-'))).toEqual([]);
  });

  it('refuses a wrong passphrase, restoring nothing', async () => {
    const t = await fresh();
    const e = failure(await restore(t, archive, { passphrase: 'not the passphrase' }).catch((err: unknown) => err));
    expect(e.code).toBe('WRONG_PASSPHRASE');
    expect(fs.readdirSync(t.dataDir)).toEqual([]);
  });

  it('refuses an altered file, restoring nothing', async () => {
    const t = await fresh();
    const bad = Buffer.from(fs.readFileSync(archive));
    bad[Math.floor(bad.length * 0.6)]! ^= 0x20;
    const file = path.join(work, 'altered.qfbak');
    fs.writeFileSync(file, bad);
    expect(failure(await restore(t, file).catch((err: unknown) => err)).code).toBe('DAMAGED');
    expect(fs.readdirSync(t.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(t.dataDir, 'qingfeng.db'))).toBe(false);
  });
});

describe('restore onto a fresh machine', () => {
  let target: FreshTarget;
  let app: FastifyInstance;

  beforeAll(async () => {
    target = await fresh();
    const report = await restore(target, archive);
    expect(report.tenants.map((c) => [c.code, c.keyOk, c.audit.ok, c.audit.records, c.audit.checkpoints])).toEqual([['demo', true, true, auditRecords, 1]]);
    expect(report.manifest.dialect).toBe(target.databaseUrl ? 'postgres' : 'sqlite');
    expect(report.attachments).toBe(1);
    app = await buildApp({ config: configOf(target), env: target.env });
  });
  afterAll(async () => app?.close());

  it('boots on the restored data with the audit chain intact', async () => {
    const v = await verifyAuditChain(app.deps.db, app.deps.crypto, tenantId, [app.deps.keys.auditKey.publicKey]);
    expect(v).toMatchObject({ ok: true, records: auditRecords, checkpoints: 1 });
  });

  it('decrypts a known person’s mobile with the restored keys', async () => {
    const row = await app.deps.db.selectFrom('person').selectAll().where('tenant_id', '=', tenantId).where('name', '=', marker.name).executeTakeFirstOrThrow();
    expect(app.deps.crypto.decrypt(tenantId, row.mobile_enc!, `person:mobile:${row.id}`)).toBe(marker.mobile);
  });

  it('signs demo users in and serves the restored attachment', async () => {
    const staff = await signIn(app, 'staff');
    const dl = await staff({ method: 'GET', url: `/api/attachments/${attachment.id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(attachment.data)).toBe(true);
  });

  it('will not restore over data without --force, and does with it', async () => {
    expect(failure(await restore(target, archive).catch((e: unknown) => e)).code).toBe('TARGET_NOT_EMPTY');
    await app.close();
    const again = await restore(target, archive, { force: true });
    expect(again.tenants.every((c) => c.keyOk && c.audit.ok)).toBe(true);
    app = await buildApp({ config: configOf(target), env: target.env });
    expect((await app.deps.db.selectFrom('person').select('id').where('tenant_id', '=', tenantId).execute()).length).toBe(plan.people.length);
  });
});
