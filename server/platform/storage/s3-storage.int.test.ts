import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';
import { createS3Storage } from './s3-storage.js';
import type { StoragePort } from './storage.port.js';
import { docxFile, files, upload } from './test-files.js';

const BUCKET = 'qingfeng-test';
let server: S3rver;
let dir: string;
let endpoint: string;
let storage: StoragePort;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
  const addr = await server.run();
  endpoint = `http://127.0.0.1:${addr.port}`;
  storage = createS3Storage({ endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('S3 driver against an S3 server', () => {
  it('puts, reads back, checks and deletes an object', async () => {
    const key = 'tenant-a/2026/03/0b0e8c9e-6a2f-4a51-9d43-3c1f5a0e6f11';
    const data = await docxFile();
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, data);
    expect(await storage.exists(key)).toBe(true);
    expect((await buffer(await storage.get(key))).equals(data)).toBe(true);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toThrow();
  });

  it('keeps binary content byte for byte', async () => {
    const data = Buffer.from(Array.from({ length: 256 * 64 }, (_, i) => i % 256));
    await storage.put('binary/all-bytes', data);
    expect((await buffer(await storage.get('binary/all-bytes'))).equals(data)).toBe(true);
  });
});

describe('attachments on S3', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld({
      env: { QINGFENG_STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    });
  });
  afterAll(async () => w.close());

  it('uploads through the app into the bucket, serves it back and removes it with the draft', async () => {
    expect(w.deps.storage.driver).toBe('s3');
    const res = await w.as('staff').inject({ method: 'POST', url: '/api/attachments', ...upload('整改报告.pdf', files.pdf) });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const row = await w.deps.db.selectFrom('attachment').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow();
    expect((await buffer(await storage.get(row.storage_key))).equals(files.pdf)).toBe(true);
    expect(fs.existsSync(path.join(w.deps.config.dataDir, 'files', row.storage_key))).toBe(false);

    const dl = await w.as('staff').get(`/api/attachments/${id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(files.pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment;');

    expect((await w.as('staff').delete(`/api/attachments/${id}`)).statusCode).toBe(200);
    expect(await storage.exists(row.storage_key)).toBe(false);
  });
});
