import fsp from 'node:fs/promises';
import { BackupError } from './backup-error.js';
import { ByteReader, TruncatedError } from './byte-reader.js';

/**
 * The plaintext inside the sealed file: entries of a 4-byte header length, a JSON header
 * `{path, size, mode}` and `size` bytes, closed by a zero length. Tiny on purpose: it streams both
 * ways and has no feature (links, absolute paths) a hostile archive could abuse.
 */
export type ArchiveEntry =
  | { path: string; data: Buffer; mode?: number }
  /** Optional entries (attachments) that vanish between listing and reading are skipped. */
  | { path: string; file: string; mode?: number; optional?: boolean };

export interface EntryMeta {
  path: string;
  size: number;
  mode: number;
}

const PIECE = 256 * 1024;
const MAX_META = 4096;
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;

export function isSafeArchivePath(p: string): boolean {
  const parts = p.split('/');
  return p.length <= 1024 && parts.every((s) => SAFE_SEGMENT.test(s) && s !== '..' && !s.includes('..'));
}

function lengthPrefixed(meta: EntryMeta): Buffer {
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([len, json]);
}

async function* fileEntry(e: { path: string; file: string; mode?: number; optional?: boolean }): AsyncGenerator<Buffer> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(e.file, 'r');
  } catch (err) {
    if (e.optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    // The size is taken from the open descriptor: stored files are replaced by rename, never rewritten in place.
    const { size } = await fh.stat();
    yield lengthPrefixed({ path: e.path, size, mode: e.mode ?? 0o600 });
    const buf = Buffer.alloc(Math.min(PIECE, Math.max(size, 1)));
    let done = 0;
    while (done < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - done), done);
      if (bytesRead === 0) throw new Error(`${e.file} shrank while it was being archived`);
      done += bytesRead;
      yield Buffer.from(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

export async function* packEntries(entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>): AsyncGenerator<Buffer> {
  for await (const e of entries) {
    if (!isSafeArchivePath(e.path)) throw new Error(`unsafe archive path ${e.path}`);
    if ('data' in e) {
      yield lengthPrefixed({ path: e.path, size: e.data.length, mode: e.mode ?? 0o600 });
      yield e.data;
    } else {
      yield* fileEntry(e);
    }
  }
  yield Buffer.alloc(4);
}

function parseMeta(bytes: Buffer): EntryMeta {
  const m = JSON.parse(bytes.toString('utf8')) as EntryMeta;
  if (typeof m.path !== 'string' || !isSafeArchivePath(m.path) || !Number.isSafeInteger(m.size) || m.size < 0 || !Number.isInteger(m.mode)) {
    throw new BackupError('DAMAGED', { reason: 'entry' });
  }
  return m;
}

/** Hands each entry's body to `onEntry` as a stream; a body the handler leaves unread is skipped. */
export async function unpackEntries(source: AsyncIterable<Buffer>, onEntry: (meta: EntryMeta, body: AsyncIterable<Buffer>) => Promise<void>): Promise<void> {
  const reader = new ByteReader(source);
  try {
    for (;;) {
      const len = (await reader.read(4))?.readUInt32BE();
      if (len === undefined) throw new BackupError('DAMAGED', { reason: 'truncated' });
      if (len === 0) break;
      if (len > MAX_META) throw new BackupError('DAMAGED', { reason: 'entry' });
      const meta = parseMeta((await reader.read(len))!);
      let left = meta.size;
      const body = async function* () {
        while (left > 0) {
          const piece = await reader.readSome(Math.min(left, PIECE));
          left -= piece.length;
          yield piece;
        }
      };
      await onEntry(meta, body());
      while (left > 0) left -= (await reader.readSome(Math.min(left, PIECE))).length;
    }
    if (!(await reader.atEnd())) throw new BackupError('DAMAGED', { reason: 'trailing' });
  } catch (e) {
    if (e instanceof TruncatedError) throw new BackupError('DAMAGED', { reason: 'truncated' });
    if (e instanceof SyntaxError) throw new BackupError('DAMAGED', { reason: 'entry' });
    throw e;
  }
}
