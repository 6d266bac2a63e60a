import crypto from 'node:crypto';
import { IntegrityError, open, seal } from '../crypto/sm4-seal.js';
import { BackupError } from './backup-error.js';
import type { KdfParams } from './backup-key.js';
import { ByteReader, TruncatedError } from './byte-reader.js';

/**
 * The encrypted file: MAGIC, a 4-byte header length, the JSON header (KDF parameters, key check, chunk
 * size), then frames of a 4-byte length and one sealed chunk (sm4-seal: SM4-CTR + HMAC-SM3). Each chunk's
 * associated data names the header's SM3, the chunk's index and whether it is the last one, so chunks
 * cannot be reordered, dropped, swapped between files or cut off at the end without detection.
 */
export const MAGIC = Buffer.from('QINGFENG-BACKUP\n', 'ascii');
export const FORMAT = 1;
export const CHUNK = 1024 * 1024;
const MAX_HEADER = 64 * 1024;
const SEAL_OVERHEAD = 48;

export interface SealedHeader {
  format: number;
  /** Random per file: frames of two backups made with the same passphrase cannot be mixed. */
  fileId: string;
  cipher: 'sm4-ctr+hmac-sm3';
  kdf: KdfParams;
  check: string;
  chunkSize: number;
}

export function newSealedHeader(kdf: KdfParams, check: string, chunkSize = CHUNK): SealedHeader {
  return { format: FORMAT, fileId: crypto.randomBytes(16).toString('hex'), cipher: 'sm4-ctr+hmac-sm3', kdf, check, chunkSize };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

const aad = (headerSm3: string, index: number, last: boolean) => `qingfeng-backup|${headerSm3}|${index}|${last ? 1 : 0}`;
const sm3 = (b: Buffer) => crypto.createHash('sm3').update(b).digest('hex');

/** Encrypts a plaintext stream chunk by chunk; memory stays at about two chunks whatever the size. */
export async function* sealStream(source: AsyncIterable<Buffer>, key: Buffer, header: SealedHeader): AsyncGenerator<Buffer> {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const digest = sm3(headerBytes);
  yield Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]);
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  const frame = (chunk: Buffer, last: boolean) => {
    const sealed = seal(key, chunk, aad(digest, index++, last));
    return Buffer.concat([u32(sealed.length), sealed]);
  };
  for await (const part of source) {
    pending.push(part);
    size += part.length;
    // A chunk is sealed only once more data follows it: the last chunk must carry the "last" flag.
    while (size > header.chunkSize) {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      yield frame(all.subarray(0, header.chunkSize), false);
      pending = [all.subarray(header.chunkSize)];
      size = pending[0]!.length;
    }
  }
  yield frame(Buffer.concat(pending), true);
}

function isValidHeader(h: SealedHeader): boolean {
  return (
    h.format === FORMAT &&
    h.cipher === 'sm4-ctr+hmac-sm3' &&
    /^[0-9a-f]{32}$/.test(String(h.check)) &&
    /^[0-9a-f]{32}$/.test(String(h.fileId)) &&
    Number.isInteger(h.chunkSize) &&
    h.chunkSize >= 1 &&
    h.chunkSize <= 64 * CHUNK &&
    typeof h.kdf === 'object' &&
    h.kdf !== null &&
    typeof h.kdf.salt === 'string'
  );
}

/** Reads the header of a sealed file; anything that is not one is refused before any key is derived. */
export async function readSealedHeader(reader: ByteReader): Promise<{ header: SealedHeader; digest: string }> {
  try {
    const magic = await reader.read(MAGIC.length);
    if (!magic || !magic.equals(MAGIC)) throw new BackupError('NOT_A_BACKUP');
    const len = (await reader.read(4))!.readUInt32BE();
    if (len > MAX_HEADER) throw new BackupError('NOT_A_BACKUP');
    const bytes = (await reader.read(len))!;
    const header = JSON.parse(bytes.toString('utf8')) as SealedHeader;
    if (!isValidHeader(header)) throw new BackupError('NOT_A_BACKUP');
    return { header, digest: sm3(bytes) };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('NOT_A_BACKUP');
  }
}

function authenticates(key: Buffer, sealed: Buffer, data: string): boolean {
  try {
    open(key, sealed, data);
    return true;
  } catch {
    return false;
  }
}

/** A frame that authenticates only as "not last" while nothing follows it: the file was cut at a frame boundary. */
function openFrame(key: Buffer, sealed: Buffer, digest: string, index: number, last: boolean): Buffer {
  try {
    return open(key, sealed, aad(digest, index, last));
  } catch (e) {
    if (!(e instanceof IntegrityError)) throw e;
  }
  const cut = last && authenticates(key, sealed, aad(digest, index, false));
  throw new BackupError('DAMAGED', { at: index, reason: cut ? 'truncated' : 'altered' });
}

/** Decrypts and authenticates frame by frame; a missing last frame or trailing bytes mean a damaged file. */
export async function* openStream(reader: ByteReader, key: Buffer, header: SealedHeader, digest: string): AsyncGenerator<Buffer> {
  let index = 0;
  for (;;) {
    let chunk: Buffer;
    let last: boolean;
    try {
      const lenBytes = await reader.read(4);
      if (!lenBytes) throw new BackupError('DAMAGED', { at: index, reason: 'truncated' });
      const len = lenBytes.readUInt32BE();
      if (len < SEAL_OVERHEAD || len > header.chunkSize + SEAL_OVERHEAD) throw new BackupError('DAMAGED', { at: index, reason: 'frame' });
      const sealed = (await reader.read(len))!;
      last = await reader.atEnd();
      chunk = openFrame(key, sealed, digest, index, last);
    } catch (e) {
      if (e instanceof TruncatedError) throw new BackupError('DAMAGED', { at: index, reason: 'truncated' });
      throw e;
    }
    index += 1;
    if (chunk.length) yield chunk;
    if (last) return;
  }
}
