import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { loadUserActor } from '../access/actor.js';
import { createSession, resolveSession } from '../auth/session.js';
import type { Ctx } from '../context.js';
import { cronTick, runDueJobs } from '../jobs/scheduler.js';
import { forgetSettings } from '../settings/settings.js';
import { registerAttachmentOwner } from './attachment-owners.js';
import { draftOf } from './attachments.cases.js';
import { claimAttachments, storeAttachment } from './attachments.service.js';
import { storageJobs } from './storage-jobs.js';
import { docxFile, files, multipart, upload, xlsxFile, zipBombDocx } from './test-files.js';

let w: World;
let storageRoot: string;
/** Who the test owner type lets read its records' attachments. */
const readers = new Set<string>();

beforeAll(async () => {
  w = await createWorld();
  storageRoot = path.join(w.deps.config.dataDir, 'files');
  registerAttachmentOwner('test_record', async (ctx, ownerId) => ownerId === 'record-1' && ctx.actor.kind === 'user' && readers.has(ctx.actor.userId));
});
afterAll(async () => w.close());
beforeEach(() => readers.clear());

/** A use-case context for a fixture user, built the way the guard builds it. */
async function userCtx(user: FixtureUser): Promise<Ctx> {
  const { token } = await createSession(w.deps, w.deps.db, { tenantId: w.tenantId, userId: w.users[user].id, mfaOk: true, sourceIp: null });
  const loaded = await loadUserActor(w.deps, (await resolveSession(w.deps, token))!);
  return { deps: w.deps, actor: loaded!.actor, tenantId: w.tenantId, requestId: null, sourceIp: null, idempotency: null };
}

const post = (user: FixtureUser, name: string, data: Buffer, headers: Record<string, string> = {}) => {
  const body = upload(name, data);
  return w.as(user).inject({ method: 'POST', url: '/api/attachments', payload: body.payload, headers: { ...body.headers, ...headers } });
};

function storedFiles(): string[] {
  if (!fs.existsSync(storageRoot)) return [];
  return (fs.readdirSync(storageRoot, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(storageRoot, f)).isFile()).sort();
}

async function state() {
  const rows = await w.deps.db.selectFrom('attachment').select('id').execute();
  const audit = await w.deps.db.selectFrom('audit_log').select('seq').execute();
  return { rows: rows.length, audit: audit.length, files: storedFiles() };
}

describe('upload and download', () => {
  it.each([
    ['现场照片.png', () => files.png, 'image/png'],
    ['照片.JPEG', () => files.jpeg, 'image/jpeg'],
    ['动图.gif', () => files.gif, 'image/gif'],
    ['图.webp', () => files.webp, 'image/webp'],
    ['整改报告.pdf', () => files.pdf, 'application/pdf'],
    ['情况说明.docx', docxFile, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['台账.xlsx', xlsxFile, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('keeps %s and serves it back as a download', async (name, make, mime) => {
    const data = await make();
    const res = await post('staff', name, data);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ name, mime, size: data.length, sm3: w.deps.crypto.sm3(data), createdAt: '2026-03-02T09:00:00.000+08:00' });

    const row = await w.deps.db.selectFrom('attachment').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ owner_type: 'draft', owner_id: null, created_by: w.users.staff.id, tenant_id: w.tenantId });
    expect(row.storage_key).toMatch(new RegExp(`^${w.tenantId}/2026/03/[0-9a-f-]{36}$`));
    const onDisk = path.join(storageRoot, row.storage_key);
    expect(fs.readFileSync(onDisk).equals(data)).toBe(true);
    expect(fs.statSync(onDisk).mode & 0o777).toBe(0o600);

    const dl = await w.as('staff').get(`/api/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(data)).toBe(true);
    expect(dl.headers['content-type']).toBe(mime);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['cache-control']).toBe('no-store');
    expect(Number(dl.headers['content-length'])).toBe(data.length);
  });

  it('writes one audit event naming neither the file nor its content', async () => {
    const res = await post('staff', '举报材料-张三.pdf', files.pdf);
    const audit = await w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(audit.map((a) => [a.action, a.object_id, a.actor_id])).toEqual([['attachment.upload', res.json().id, w.users.staff.id]]);
    expect(audit[0]!.details).not.toContain('张三');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ ownerType: 'draft', mime: 'application/pdf', size: files.pdf.length });
  });

  it('does not serve a draft to anyone but its uploader', async () => {
    const id = await draftOf(w, 'staff');
    for (const other of ['branchSecretary', 'secretary', 'sysadmin', 'auditor'] as const) {
      const res = await w.as(other).get(`/api/attachments/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await w.as(null).get(`/api/attachments/${id}`)).statusCode).toBe(401);
    expect((await w.as('staff').get('/api/attachments/01950000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers a retried upload with the first result and stores the file once', async () => {
    const before = await state();
    const first = await post('staff', '整改报告.pdf', files.pdf, { 'idempotency-key': 'upload-retry-0001' });
    const again = await post('staff', '整改报告.pdf', files.pdf, { 'idempotency-key': 'upload-retry-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const after = await state();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.files.length).toBe(before.files.length + 1);
  });
});

describe('refused files', () => {
  it.each([
    ['a PNG named .pdf', 'a.pdf', () => files.png, 415, 'FILE_TYPE_REJECTED'],
    ['an HTML page named .jpg', 'photo.jpg', () => files.html, 415, 'FILE_TYPE_REJECTED'],
    ['an executable renamed .pdf', '发票.pdf', () => files.exe, 415, 'FILE_TYPE_REJECTED'],
    ['a PDF with a double extension', 'report.pdf.exe', () => files.pdf, 415, 'FILE_TYPE_REJECTED'],
    ['a right-to-left override hiding .exe', 'invoice\u202Efdp.exe', () => files.pdf, 415, 'FILE_TYPE_REJECTED'],
    ['a Windows path to an .ini', '..\\..\\win.ini', () => files.pdf, 415, 'FILE_TYPE_REJECTED'],
    ['an empty file', '空.pdf', () => Buffer.alloc(0), 415, 'FILE_TYPE_REJECTED'],
    ['a zip bomb named .docx', 'bomb.docx', () => zipBombDocx(), 422, 'ARCHIVE_REJECTED'],
  ])('refuses %s and keeps nothing', async (_label, name, make, status, code) => {
    const before = await state();
    const res = await post('staff', name, make());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it('refuses a file over the tenant limit, and takes one exactly at it', async () => {
    await w.deps.db.insertInto('setting').values({ tenant_id: w.tenantId, key: 'system.uploads.maxMegabytes', value: '1', updated_at: '2026-03-02T09:00:00.000+08:00', updated_by: null }).execute();
    forgetSettings(w.tenantId);
    try {
      const mib = 1024 * 1024;
      const before = await state();
      const over = await post('staff', '大图.png', Buffer.concat([files.png, Buffer.alloc(mib + 1 - files.png.length)]));
      expect(over.statusCode).toBe(413);
      expect(over.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', params: { maxMegabytes: 1 } });
      expect(await state()).toEqual(before);
      const exact = await post('staff', '大图.png', Buffer.concat([files.png, Buffer.alloc(mib - files.png.length)]));
      expect(exact.statusCode).toBe(201);
      expect(exact.json().size).toBe(mib);
    } finally {
      await w.deps.db.deleteFrom('setting').where('tenant_id', '=', w.tenantId).where('key', '=', 'system.uploads.maxMegabytes').execute();
      forgetSettings(w.tenantId);
    }
  });

  it('refuses malformed upload requests with a 4xx code and keeps nothing', async () => {
    const before = await state();
    const send = (payload: string | Buffer, headers: Record<string, string>) => w.as('staff').inject({ method: 'POST', url: '/api/attachments', payload, headers });
    const cases: [string, Promise<{ statusCode: number; json(): { error: { code: string } } }>, string | string[]][] = [
      ['json body', send(JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' }), ['UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED']],
      ['text body', send('file=x', { 'content-type': 'text/plain' }), 'UNSUPPORTED_MEDIA_TYPE'],
      ['no file part', (() => { const m = multipart([{ field: 'name', data: 'x' }]); return send(m.payload, m.headers); })(), 'VALIDATION_FAILED'],
      ['a body cut off mid-file', (() => { const m = upload('a.png', files.png); return send(m.payload.subarray(0, m.payload.length - 30), m.headers); })(), 'VALIDATION_FAILED'],
      ['a boundary the body does not use', send(upload('a.png', files.png).payload, multipart([]).headers), 'VALIDATION_FAILED'],
      ['an empty body', send(Buffer.alloc(0), multipart([]).headers), 'VALIDATION_FAILED'],
      ['file under another field', (() => { const m = multipart([{ field: 'upload', filename: 'a.png', data: files.png }]); return send(m.payload, m.headers); })(), 'VALIDATION_FAILED'],
      ['two files', (() => { const m = multipart([{ field: 'file', filename: 'a.png', data: files.png }, { field: 'file', filename: 'b.png', data: files.png }]); return send(m.payload, m.headers); })(), 'VALIDATION_FAILED'],
      ['a file and an extra field', (() => { const m = multipart([{ field: 'file', filename: 'a.png', data: files.png }, { field: 'ownerType', data: 'person' }]); return send(m.payload, m.headers); })(), 'VALIDATION_FAILED'],
      ['multipart without boundary', send(upload('a.png', files.png).payload, { 'content-type': 'multipart/form-data' }), 'VALIDATION_FAILED'],
    ];
    for (const [label, pending, code] of cases) {
      const res = await pending;
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, label).toBeLessThan(500);
      expect([code].flat(), `${label} ${JSON.stringify(res.json())}`).toContain(res.json().error.code);
    }
    const noCsrf = await w.as('staff').inject({ method: 'POST', url: '/api/attachments', ...upload('a.png', files.png), headers: { ...upload('a.png', files.png).headers, 'x-qingfeng-request': '0' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });
});

describe('hostile names', () => {
  it.each([
    ['../../etc/passwd', 'passwd.png', () => files.png],
    ['..\\..\\整改通知.pdf', '整改通知.pdf', () => files.pdf],
    ['报告\u202Egnp.pdf', '报告gnp.pdf', () => files.pdf],
    ['\u200b隐藏\u2066文件\u2069.pdf', '隐藏文件.pdf', () => files.pdf],
  ])('stores %j under a generated key and serves it as %j', async (raw, shown, make) => {
    const res = await post('staff', raw, make());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe(shown);
    const row = await w.deps.db.selectFrom('attachment').select('storage_key').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.storage_key).not.toContain(shown.split('.')[0]);
    expect(fs.existsSync(path.join(storageRoot, row.storage_key))).toBe(true);
    const dl = await w.as('staff').get(`/api/attachments/${res.json().id}`);
    const header = String(dl.headers['content-disposition']);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+$/);
    expect(header).not.toMatch(/[\\/\u202e]/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(shown);
    expect(storedFiles().every((f) => /^[0-9a-f-]{36}\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(f.split(path.sep).join('/')))).toBe(true);
  });
});

describe('drafts and owners', () => {
  it('lets the uploader discard a draft, bytes included, and nobody else', async () => {
    const id = await draftOf(w, 'staff');
    const key = (await w.deps.db.selectFrom('attachment').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;
    expect((await w.as('branchSecretary').delete(`/api/attachments/${id}`)).statusCode).toBe(404);
    const res = await w.as('staff').delete(`/api/attachments/${id}`);
    expect(res.statusCode).toBe(200);
    expect(await w.deps.db.selectFrom('attachment').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect(fs.existsSync(path.join(storageRoot, key))).toBe(false);
    const audit = await w.deps.db.selectFrom('audit_log').select('action').where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(audit.map((a) => a.action)).toEqual(['attachment.delete']);
    expect((await w.as('staff').get(`/api/attachments/${id}`)).statusCode).toBe(404);
  });

  it('hands drafts to a record in the caller transaction and then follows the owner policy', async () => {
    const a = await draftOf(w, 'staff');
    const b = await draftOf(w, 'staff');
    const ctx = await userCtx('staff');
    const claimed = await w.deps.db.transaction().execute((tx) => claimAttachments(tx, ctx, [a, b, a], 'test_record', 'record-1'));
    expect(claimed.map((x) => x.id).sort()).toEqual([a, b].sort());

    expect((await w.as('staff').get(`/api/attachments/${a}`)).statusCode).toBe(404);
    readers.add(w.users.secretary.id);
    expect((await w.as('secretary').get(`/api/attachments/${a}`)).statusCode).toBe(200);
    expect((await w.as('discipline').get(`/api/attachments/${a}`)).statusCode).toBe(404);

    const del = await w.as('staff').delete(`/api/attachments/${a}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'attached' } });
  });

  it('claims nothing when one id is not the caller draft', async () => {
    const mine = await draftOf(w, 'staff');
    const theirs = await draftOf(w, 'branchSecretary');
    const ctx = await userCtx('staff');
    await expect(w.deps.db.transaction().execute((tx) => claimAttachments(tx, ctx, [mine, theirs], 'test_record', 'record-1'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rows = await w.deps.db.selectFrom('attachment').select(['id', 'owner_type']).where('id', 'in', [mine, theirs]).execute();
    expect(rows.map((r) => r.owner_type)).toEqual(['draft', 'draft']);
    await expect(w.deps.db.transaction().execute((tx) => claimAttachments(tx, ctx, [mine], 'unregistered', 'x'))).rejects.toThrow(/not registered/);
  });

  it('stores a file straight onto a record for modules that produce files themselves', async () => {
    const ctx = await userCtx('secretary');
    const a = await storeAttachment(ctx, { name: '会议纪要.docx', data: await docxFile(), ownerType: 'test_record', ownerId: 'record-1' });
    readers.add(w.users.discipline.id);
    expect((await w.as('discipline').get(`/api/attachments/${a.id}`)).statusCode).toBe(200);
    expect((await w.as('secretary').get(`/api/attachments/${a.id}`)).statusCode).toBe(404);
  });

  it('writes the bytes before the row', async () => {
    const real = w.deps.storage;
    const rowsAtPut: number[] = [];
    w.deps.storage = {
      ...real,
      async put(key, data) {
        rowsAtPut.push((await w.deps.db.selectFrom('attachment').select('id').execute()).length);
        await real.put(key, data);
      },
    };
    try {
      const before = await state();
      expect((await post('staff', '整改报告.pdf', files.pdf)).statusCode).toBe(201);
      expect(rowsAtPut).toEqual([before.rows]);
    } finally {
      w.deps.storage = real;
    }
  });

  it('removes the stored bytes again when the transaction fails', async () => {
    const head = await w.deps.db.selectFrom('audit_head').selectAll().where('tenant_id', '=', w.tenantId).executeTakeFirstOrThrow();
    const before = await state();
    await w.deps.db.deleteFrom('audit_head').where('tenant_id', '=', w.tenantId).execute();
    try {
      const res = await post('staff', '整改报告.pdf', files.pdf);
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      await w.deps.db.insertInto('audit_head').values(head).execute();
    }
    expect(await state()).toEqual(before);
  });
});

describe('draft purge', () => {
  it('removes drafts left unattached past the retention, bytes included, and keeps the rest', async () => {
    const stale = await draftOf(w, 'staff');
    const attached = await draftOf(w, 'staff');
    const fresh = await draftOf(w, 'staff');
    const ctx = await userCtx('staff');
    await w.deps.db.transaction().execute((tx) => claimAttachments(tx, ctx, [attached], 'test_record', 'record-1'));
    const eightDaysAgo = '2026-02-22T09:00:00.000+08:00';
    await w.deps.db.updateTable('attachment').set({ created_at: eightDaysAgo }).where('id', 'in', [stale, attached]).execute();
    await w.deps.db.updateTable('attachment').set({ created_at: '2026-02-24T09:00:01.000+08:00' }).where('id', '=', fresh).execute();
    const staleKey = (await w.deps.db.selectFrom('attachment').select('storage_key').where('id', '=', stale).executeTakeFirstOrThrow()).storage_key;

    expect(await cronTick(w.deps, storageJobs)).toBe(1);
    expect(await runDueJobs(w.deps, storageJobs)).toBe(1);
    const left = (await w.deps.db.selectFrom('attachment').select('id').where('id', 'in', [stale, attached, fresh]).execute()).map((r) => r.id);
    expect(left.sort()).toEqual([attached, fresh].sort());
    expect(fs.existsSync(path.join(storageRoot, staleKey))).toBe(false);
    const job = await w.deps.db.selectFrom('job').selectAll().where('kind', '=', 'storage.purgeDrafts').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', tenant_id: w.tenantId });
  });
});
