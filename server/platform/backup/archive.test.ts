import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSafeArchivePath, packEntries, unpackEntries, type ArchiveEntry } from './archive.js';
import { BackupError } from './backup-error.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-archive-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

async function unpack(bytes: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await unpackEntries(once(bytes), async (meta, body) => {
    out.set(meta.path, await collect(body));
  });
  return out;
}

describe('backup archive entries', () => {
  it('round-trips data and file entries, skipping an optional file that vanished', async () => {
    const big = Buffer.alloc(700 * 1024, 7);
    fs.writeFileSync(path.join(dir, 'big'), big);
    fs.writeFileSync(path.join(dir, 'empty'), '');
    const entries: ArchiveEntry[] = [
      { path: 'manifest.json', data: Buffer.from('{"a":1}') },
      { path: 'db/qingfeng.db', file: path.join(dir, 'big') },
      { path: 'files/t1/empty', file: path.join(dir, 'empty') },
      { path: 'files/t1/gone', file: path.join(dir, 'gone'), optional: true },
    ];
    const got = await unpack(await collect(packEntries(entries)));
    expect([...got.keys()]).toEqual(['manifest.json', 'db/qingfeng.db', 'files/t1/empty']);
    expect(got.get('db/qingfeng.db')!.equals(big)).toBe(true);
    expect(got.get('files/t1/empty')!.length).toBe(0);
  });

  it('fails when a required file is missing', async () => {
    await expect(collect(packEntries([{ path: 'db/qingfeng.db', file: path.join(dir, 'missing') }]))).rejects.toThrow();
  });

  it('skips bodies the handler does not read', async () => {
    const bytes = await collect(packEntries([{ path: 'a', data: Buffer.from('xyz') }, { path: 'b', data: Buffer.from('second') }]));
    const seen: string[] = [];
    await unpackEntries(once(bytes), async (meta, body) => {
      if (meta.path === 'b') expect((await collect(body)).toString()).toBe('second');
      seen.push(meta.path);
    });
    expect(seen).toEqual(['a', 'b']);
  });

  it.each(['../x', '/etc/passwd', 'files/../../x', 'a//b', '.hidden', 'files/.', 'x\\y', ''])('refuses the path %j', (p) => {
    expect(isSafeArchivePath(p)).toBe(false);
  });

  it('refuses a hostile entry path inside an archive', async () => {
    const meta = Buffer.from(JSON.stringify({ path: '../evil', size: 1, mode: 384 }));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(meta.length);
    const bytes = Buffer.concat([len, meta, Buffer.from('x'), Buffer.alloc(4)]);
    const e = await unpack(bytes).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BackupError);
  });

  it('refuses an archive without its end marker', async () => {
    const bytes = await collect(packEntries([{ path: 'a', data: Buffer.from('xyz') }]));
    const e = await unpack(bytes.subarray(0, bytes.length - 4)).catch((err: unknown) => err);
    expect((e as BackupError).code).toBe('DAMAGED');
  });
});
