import zlib from 'node:zlib';
import { AppError } from '../http/errors.js';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i -= 1) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

/**
 * Inspects an Office (zip) file before any parser inflates it: entry count, and each entry actually
 * inflated with an output cap, because declared sizes in a crafted archive can lie (ASVS V5.2.3).
 */
export function checkZip(buf: Buffer, limits: ZipLimits): void {
  const reject = (reason: string) => {
    throw new AppError('ARCHIVE_REJECTED', { reason });
  };
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOC_SIG) reject('not-zip');
  const eocd = findEocd(buf);
  if (eocd < 0) reject('truncated');
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > limits.maxEntries) reject('too-many-entries');
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) reject('bad-directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOC_SIG) reject('bad-entry');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    let size = 0;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes }).length;
      } catch {
        reject('entry-too-large');
      }
    } else reject('unsupported-compression');
    total += size;
    if (total > limits.maxTotalBytes) reject('too-large');
    p += 46 + nameLen + extraLen + commentLen;
  }
}
