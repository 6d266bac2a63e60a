import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.js';
import { deriveBackupKeys, newKdfParams } from './backup-key.js';
import { ByteReader } from './byte-reader.js';
import { MAGIC, newSealedHeader, openStream, readSealedHeader, sealStream } from './sealed-stream.js';

const kdf = newKdfParams(10_000);
const keys = deriveBackupKeys('correct horse battery', kdf);

/** Offset of the first frame: magic, header length, header. */
const framesStart = (sealed: Buffer) => MAGIC.length + 4 + sealed.readUInt32BE(MAGIC.length);

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function seal(data: Buffer, chunkSize = 1000, pieceSize = 333): Promise<Buffer> {
  return collect(sealStream(pieces(data, pieceSize), keys.seal, newSealedHeader(kdf, keys.check, chunkSize)));
}

async function unseal(file: Buffer, key = keys.seal): Promise<Buffer> {
  const reader = new ByteReader(pieces(file, 777));
  const { header: h, digest } = await readSealedHeader(reader);
  return collect(openStream(reader, key, h, digest));
}

async function failure(p: Promise<unknown>): Promise<BackupError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(BackupError);
  return e as BackupError;
}

describe('sealed backup stream', () => {
  it.each([0, 1, 999, 1000, 1001, 5000, 12345])('round-trips %i bytes across chunk boundaries', async (n) => {
    const data = crypto.randomBytes(n);
    expect((await unseal(await seal(data))).equals(data)).toBe(true);
  });

  it('hides the plaintext', async () => {
    const marker = Buffer.from('13800138000 身份证 420102198001011234');
    const sealed = await seal(Buffer.concat([crypto.randomBytes(500), marker, crypto.randomBytes(500)]));
    expect(sealed.includes(marker)).toBe(false);
    expect(sealed.includes(Buffer.from('13800138000'))).toBe(false);
  });

  it('derives a different key from a different passphrase and the check value tells them apart', () => {
    const other = deriveBackupKeys('wrong horse battery', kdf);
    expect(other.check).not.toBe(keys.check);
    expect(other.seal.equals(keys.seal)).toBe(false);
    expect(deriveBackupKeys('correct horse battery', kdf).check).toBe(keys.check);
  });

  it('refuses a flipped bit anywhere in the frames', async () => {
    const sealed = await seal(crypto.randomBytes(3000));
    for (const at of [framesStart(sealed) + 10, Math.floor(sealed.length / 2), sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect((await failure(unseal(bad))).code).toBe('DAMAGED');
    }
  });

  it('notices a file cut at a frame boundary and one cut inside a frame', async () => {
    const sealed = await seal(crypto.randomBytes(2500));
    const first = framesStart(sealed);
    const frameLen = sealed.readUInt32BE(first);
    const atBoundary = sealed.subarray(0, first + 4 + frameLen);
    expect((await failure(unseal(atBoundary))).params.reason).toBe('truncated');
    expect((await failure(unseal(sealed.subarray(0, sealed.length - 5)))).code).toBe('DAMAGED');
  });

  it('notices bytes appended after the last frame', async () => {
    const sealed = await seal(crypto.randomBytes(100));
    expect((await failure(unseal(Buffer.concat([sealed, Buffer.from([0, 0, 0, 0])])))).code).toBe('DAMAGED');
  });

  it('refuses swapped frames', async () => {
    const sealed = await seal(crypto.randomBytes(3000), 1000, 1000);
    const start = framesStart(sealed);
    const frameLen = sealed.readUInt32BE(start) + 4;
    const a = sealed.subarray(start, start + frameLen);
    const b = sealed.subarray(start + frameLen, start + 2 * frameLen);
    const swapped = Buffer.concat([sealed.subarray(0, start), b, a, sealed.subarray(start + 2 * frameLen)]);
    expect((await failure(unseal(swapped))).params.reason).toBe('altered');
  });

  it('refuses frames moved from another file made with the same passphrase', async () => {
    const one = await seal(crypto.randomBytes(100));
    const two = await seal(crypto.randomBytes(100));
    const spliced = Buffer.concat([one.subarray(0, framesStart(one)), two.subarray(framesStart(two))]);
    expect((await failure(unseal(spliced))).code).toBe('DAMAGED');
  });

  it('refuses what is not a backup', async () => {
    expect((await failure(unseal(Buffer.from('PK\u0003\u0004 not ours')))).code).toBe('NOT_A_BACKUP');
    expect((await failure(unseal(Buffer.alloc(0)))).code).toBe('NOT_A_BACKUP');
  });
});
