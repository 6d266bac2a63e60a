import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.js';
import { openDatabase } from '../db/database.js';
import { createWorld, type World } from '../../test/world.js';
import { writeAuditAlone } from './audit.js';
import type { AuditLogTable } from './audit.tables.js';
import { chainHash, checkpointMessage } from './chain.js';
import { signCheckpoint } from './checkpoint.js';
import { verifyAuditChain } from './verify.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const verify = () => verifyAuditChain(w.deps.db, w.deps.crypto, w.tenantId, [w.deps.keys.auditKey.publicKey]);

async function writeEvents(n: number, from = 0): Promise<void> {
  const ctx = systemCtx(w.deps, w.tenantId);
  for (let i = from; i < from + n; i += 1) await writeAuditAlone(ctx, { action: 'test.event', objectType: 'test', objectId: String(i), details: { i } });
}

async function rows(): Promise<AuditLogTable[]> {
  return w.deps.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenantId).orderBy('seq').execute();
}

async function head() {
  return w.deps.db.selectFrom('audit_head').selectAll().where('tenant_id', '=', w.tenantId).executeTakeFirstOrThrow();
}

/**
 * What an attacker with database superuser rights can do: switch the append-only triggers off
 * (SQLite: drop and recreate them; PostgreSQL: DISABLE TRIGGER USER), change rows, switch them back on.
 */
async function privileged(fn: () => Promise<unknown>): Promise<void> {
  const db = w.deps.db;
  if (w.deps.dialect === 'sqlite') {
    const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_checkpoint')`.execute(db);
    expect(triggers.rows.length).toBeGreaterThanOrEqual(4);
    for (const t of triggers.rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
    try {
      await fn();
    } finally {
      for (const t of triggers.rows) await sql.raw(t.sql).execute(db);
    }
    return;
  }
  await sql`alter table audit_log disable trigger user`.execute(db);
  await sql`alter table audit_checkpoint disable trigger user`.execute(db);
  try {
    await fn();
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(db);
    await sql`alter table audit_checkpoint enable trigger user`.execute(db);
  }
}

const setRow = (seq: number, patch: Partial<AuditLogTable>) =>
  w.deps.db.updateTable('audit_log').set(patch).where('tenant_id', '=', w.tenantId).where('seq', '=', seq).execute();

describe('a healthy chain', () => {
  it('verifies after many events from requests, direct writes and concurrent writers', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await w.as('sysadmin').post('/api/orgs', { parentId: w.orgs.office, kind: 'section', name: `链测试股室${i}` })).statusCode).toBe(201);
    }
    await writeEvents(250);
    const ctx = systemCtx(w.deps, w.tenantId);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeAuditAlone(ctx, { action: 'test.parallel', objectType: 'test', objectId: String(i) })));
    const all = await rows();
    expect(all.map((r) => Number(r.seq))).toEqual(all.map((_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, records: all.length, checkpoints: 0, brokenAt: null, reason: null });
    expect(await head()).toMatchObject({ seq: all.length, hash: all.at(-1)!.hash });
  });
});

describe('append-only triggers', () => {
  it('refuse UPDATE and DELETE through ordinary SQL, and PostgreSQL TRUNCATE', async () => {
    const before = await rows();
    await expect(setRow(3, { action: 'forged.action' })).rejects.toThrow(/append-only/);
    await expect(w.deps.db.deleteFrom('audit_log').where('tenant_id', '=', w.tenantId).where('seq', '=', before.length).execute()).rejects.toThrow(/append-only/);
    await expect(w.deps.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (w.deps.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(w.deps.db)).rejects.toThrow(/append-only/);
    expect(await rows()).toEqual(before);
    expect((await verify()).ok).toBe(true);
  });
});

describe('tampering by a privileged user', () => {
  it('names a record whose action was changed', async () => {
    const k = 7;
    const original = (await rows())[k - 1]!;
    await privileged(() => setRow(k, { action: 'org.delete' }));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: k, reason: 'content' });

    const res = await w.as('auditor').post('/api/audit/verify', {});
    expect(res.json()).toMatchObject({ ok: false, brokenAt: k, reason: 'content' });
    const ev = await w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ action: 'audit.verify', result: 'failure' });
    expect(JSON.parse(ev.details)).toMatchObject({ ok: false, brokenAt: k, reason: 'content' });

    await privileged(() => setRow(k, { action: original.action }));
    expect((await verify()).ok).toBe(true);
  });

  it('names a rewritten record whose hash was recomputed, through the next record’s link', async () => {
    const k = 12;
    const original = (await rows())[k - 1]!;
    const forged = { ...original, details: JSON.stringify({ i: 999 }) };
    await privileged(() => setRow(k, { details: forged.details, hash: chainHash(w.deps.crypto.sm3, forged) }));
    expect(await verify()).toMatchObject({ ok: false, brokenAt: k, reason: 'link' });
    await privileged(() => setRow(k, { details: original.details, hash: original.hash }));
    expect((await verify()).ok).toBe(true);
  });

  it('names a record deleted from the middle', async () => {
    const k = 20;
    const original = (await rows())[k - 1]!;
    await privileged(() => w.deps.db.deleteFrom('audit_log').where('tenant_id', '=', w.tenantId).where('seq', '=', k).execute());
    expect(await verify()).toMatchObject({ ok: false, brokenAt: k, reason: 'missing' });
    await w.deps.db.insertInto('audit_log').values(original).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('reports a chain cut short at its end as truncated', async () => {
    const all = await rows();
    const last = all.at(-1)!;
    await privileged(() => w.deps.db.deleteFrom('audit_log').where('tenant_id', '=', w.tenantId).where('seq', '=', last.seq).execute());
    expect(await verify()).toMatchObject({ ok: false, records: all.length - 1, brokenAt: Number(last.seq), reason: 'truncated' });
    await w.deps.db.insertInto('audit_log').values(last).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('leaves the triggers in force afterwards', async () => {
    await expect(setRow(1, { action: 'x' })).rejects.toThrow(/append-only/);
  });
});

describe('signed checkpoints', () => {
  it('sign the head once, and verify', async () => {
    const seq = await signCheckpoint(w.deps, w.tenantId);
    expect(seq).toBe(Number((await head()).seq));
    expect(await signCheckpoint(w.deps, w.tenantId)).toBeNull();
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 1 });
    const cp = await w.deps.db.selectFrom('audit_checkpoint').selectAll().where('tenant_id', '=', w.tenantId).executeTakeFirstOrThrow();
    expect(w.deps.crypto.sm2Verify(w.deps.keys.auditKey.publicKey, checkpointMessage(w.tenantId, seq!, cp.hash), cp.signature)).toBe(true);
  });

  it('catch a tail rewritten consistently to the end, which the hash chain alone cannot', async () => {
    const cpSeq = Number((await head()).seq);
    await writeEvents(5, 1000);
    const original = await rows();
    const k = cpSeq - 3;
    await privileged(async () => {
      let prev = original[k - 2]!.hash;
      for (const r of original.slice(k - 1)) {
        const forged = { ...r, prev_hash: prev, ...(Number(r.seq) === k ? { action: 'org.delete' } : {}) };
        const hash = chainHash(w.deps.crypto.sm3, forged);
        await setRow(Number(r.seq), { action: forged.action, prev_hash: prev, hash });
        prev = hash;
      }
      await w.deps.db.updateTable('audit_head').set({ hash: prev }).where('tenant_id', '=', w.tenantId).execute();
    });
    const rewritten = await rows();
    rewritten.forEach((r, i) => {
      expect(chainHash(w.deps.crypto.sm3, r)).toBe(r.hash);
      if (i > 0) expect(r.prev_hash).toBe(rewritten[i - 1]!.hash);
    });
    expect(await verify()).toMatchObject({ ok: false, brokenAt: cpSeq, reason: 'checkpoint-hash' });
    await privileged(async () => {
      for (const r of original.slice(k - 1)) await setRow(Number(r.seq), { action: r.action, prev_hash: r.prev_hash, hash: r.hash });
      await w.deps.db.updateTable('audit_head').set({ hash: original.at(-1)!.hash }).where('tenant_id', '=', w.tenantId).execute();
    });
    expect((await verify()).ok).toBe(true);
  });

  it('detect a forged signature and a checkpoint signed with any key but the audit key', async () => {
    await writeEvents(1, 2000);
    const h = await head();
    const seq = Number(h.seq);
    const attacker = w.deps.crypto.sm2Generate();
    const msg = checkpointMessage(w.tenantId, seq, h.hash);
    const base = { tenant_id: w.tenantId, seq, hash: h.hash, at: '2026-03-02T10:00:00.000+08:00' };
    const removeForgery = () => privileged(() => w.deps.db.deleteFrom('audit_checkpoint').where('tenant_id', '=', w.tenantId).where('seq', '=', seq).execute());

    await w.deps.db.insertInto('audit_checkpoint').values({ ...base, signature: w.deps.crypto.sm2Sign(attacker.privateKey, msg), public_key: w.deps.keys.auditKey.publicKey }).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: seq, reason: 'checkpoint-signature' });
    await removeForgery();

    await w.deps.db.insertInto('audit_checkpoint').values({ ...base, signature: w.deps.crypto.sm2Sign(attacker.privateKey, msg), public_key: attacker.publicKey }).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: seq, reason: 'checkpoint-key' });
    await removeForgery();

    await w.deps.db.insertInto('audit_checkpoint').values({ ...base, hash: 'f'.repeat(64), signature: w.deps.crypto.sm2Sign(w.deps.keys.auditKey.privateKey, checkpointMessage(w.tenantId, seq, 'f'.repeat(64))), public_key: w.deps.keys.auditKey.publicKey }).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: seq, reason: 'checkpoint-hash' });
    await removeForgery();

    expect(await signCheckpoint(w.deps, w.tenantId)).toBe(seq);
    expect(await verify()).toMatchObject({ ok: true, checkpoints: 2 });
    await expect(w.deps.db.deleteFrom('audit_checkpoint').where('tenant_id', '=', w.tenantId).execute()).rejects.toThrow(/append-only/);
    await expect(w.deps.db.updateTable('audit_checkpoint').set({ signature: 'x' }).where('tenant_id', '=', w.tenantId).execute()).rejects.toThrow(/append-only/);
  });

  it('report a checkpoint beyond the end of the log as truncation', async () => {
    const all = await rows();
    const last = all.at(-1)!;
    await privileged(() => w.deps.db.deleteFrom('audit_log').where('tenant_id', '=', w.tenantId).where('seq', '=', last.seq).execute());
    await w.deps.db.updateTable('audit_head').set({ seq: Number(last.seq) - 1, hash: last.prev_hash }).where('tenant_id', '=', w.tenantId).execute();
    expect(await verify()).toMatchObject({ ok: false, brokenAt: Number(last.seq), reason: 'truncated' });
    await w.deps.db.insertInto('audit_log').values(last).execute();
    await w.deps.db.updateTable('audit_head').set({ seq: Number(last.seq), hash: last.hash }).where('tenant_id', '=', w.tenantId).execute();
    expect((await verify()).ok).toBe(true);
  });
});

describe('a failed audit write fails the request', () => {
  const orgStored = async (name: string) => !!(await w.deps.db.selectFrom('org').select('id').where('tenant_id', '=', w.tenantId).where('name', '=', name).executeTakeFirst());

  it('when the audit table refuses the insert', async () => {
    const db = w.deps.db;
    if (w.deps.dialect === 'sqlite') {
      await sql`create trigger audit_log_test_down before insert on audit_log begin select raise(abort, 'audit store down'); end`.execute(db);
    } else {
      await sql.raw(`create function audit_log_test_down() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`).execute(db);
      await sql`create trigger audit_log_test_down before insert on audit_log for each row execute function audit_log_test_down()`.execute(db);
    }
    const before = await head();
    const body = { parentId: w.orgs.office, kind: 'section', name: '审计故障股室' };
    try {
      const res = await w.as('sysadmin').post('/api/orgs', body);
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect(res.body).not.toMatch(/audit store down/);
    } finally {
      if (w.deps.dialect === 'sqlite') await sql`drop trigger audit_log_test_down`.execute(db);
      else {
        await sql`drop trigger audit_log_test_down on audit_log`.execute(db);
        await sql`drop function audit_log_test_down()`.execute(db);
      }
    }
    expect(await orgStored(body.name)).toBe(false);
    expect(await head()).toEqual(before);

    expect((await w.as('sysadmin').post('/api/orgs', body)).statusCode).toBe(201);
    expect(await orgStored(body.name)).toBe(true);
    expect((await verify()).ok).toBe(true);
  });

  it('when the tenant has no chain head', async () => {
    const saved = await head();
    await w.deps.db.deleteFrom('audit_head').where('tenant_id', '=', w.tenantId).execute();
    const body = { parentId: w.orgs.office, kind: 'section', name: '无链头股室' };
    try {
      const res = await w.as('sysadmin').post('/api/orgs', body);
      expect(res.statusCode).toBe(500);
    } finally {
      await w.deps.db.insertInto('audit_head').values(saved).execute();
    }
    expect(await orgStored(body.name)).toBe(false);
    expect((await verify()).ok).toBe(true);
  });
});

describe('bytes changed inside the SQLite file', () => {
  it('are found at the record they belong to', async () => {
    // Always on SQLite, whichever database the suite runs on: the point is the file on disk.
    const url = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    let sw: World;
    try {
      sw = await createWorld();
    } finally {
      if (url !== undefined) process.env.TEST_DATABASE_URL = url;
    }
    try {
      expect(sw.deps.dialect).toBe('sqlite');
      const ctx = systemCtx(sw.deps, sw.tenantId);
      for (let i = 1; i <= 30; i += 1) await writeAuditAlone(ctx, { action: 'test.event', objectType: 'test', details: { marker: `qf-tamper-${i}-z` } });
      const target = await sw.deps.db.selectFrom('audit_log').select('seq').where('details', 'like', '%qf-tamper-17-z%').executeTakeFirstOrThrow();
      const k = Number(target.seq);
      const trusted = [sw.deps.keys.auditKey.publicKey];
      expect((await verifyAuditChain(sw.deps.db, sw.deps.crypto, sw.tenantId, trusted)).ok).toBe(true);

      const cp = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(sw.deps.db);
      expect(cp.rows[0]!.busy).toBe(0);
      const file = path.join(sw.deps.config.dataDir, 'qingfeng.db');
      expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
      const bytes = fs.readFileSync(file);
      const marker = Buffer.from('qf-tamper-17-z');
      const at = bytes.indexOf(marker);
      expect(at).toBeGreaterThan(0);
      expect(bytes.indexOf(marker, at + 1)).toBe(-1);
      const fd = fs.openSync(file, 'r+');
      try {
        fs.writeSync(fd, Buffer.from('y'), 0, 1, at + marker.length - 1);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }

      const fresh = await openDatabase({ url: null, dataDir: sw.deps.config.dataDir });
      try {
        const row = await fresh.db.selectFrom('audit_log').select('details').where('tenant_id', '=', sw.tenantId).where('seq', '=', k).executeTakeFirstOrThrow();
        expect(row.details).toContain('qf-tamper-17-y');
        expect(await verifyAuditChain(fresh.db, sw.deps.crypto, sw.tenantId, trusted)).toMatchObject({ ok: false, brokenAt: k, reason: 'content' });
      } finally {
        await fresh.close();
      }
    } finally {
      await sw.close();
    }
  });
});
