import zlib from 'node:zlib';
import { checkZip } from '../excel/zip-guard.js';
import { AppError } from '../http/errors.js';

export interface FileType {
  mime: string;
  /** Extensions a file of this type may carry, the first being the one added to a name without any. */
  extensions: readonly string[];
}

export const FILE_TYPES = {
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} as const satisfies Record<string, FileType>;

/** Office documents are zips: checked for bombs before anything inside is inflated. */
const ZIP_LIMITS = { maxEntries: 5000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };
const CONTENT_TYPES_MAX = 1024 * 1024;

const OFFICE_MAIN: Record<string, FileType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': FILE_TYPES.docx,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': FILE_TYPES.xlsx,
};

const rejected = (reason: string) => new AppError('FILE_TYPE_REJECTED', { reason });

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The bytes of one stored or deflated entry, found through the central directory (which checkZip has vetted). */
function zipEntry(buf: Buffer, wanted: string): Buffer | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i += 1) {
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('latin1', p + 46, p + 46 + nameLen);
    if (name === wanted) {
      const method = buf.readUInt16LE(p + 10);
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
      return method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: CONTENT_TYPES_MAX });
    }
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return null;
}

/**
 * A zip is accepted only as a Word or Excel document: its [Content_Types].xml must declare exactly one of
 * the two main parts, and nothing macro-bearing (docm/xlsm declare other main types and carry vbaProject).
 */
function sniffOffice(buf: Buffer): FileType {
  checkZip(buf, ZIP_LIMITS);
  let manifest: string | undefined;
  try {
    manifest = zipEntry(buf, '[Content_Types].xml')?.toString('utf8');
  } catch {
    throw rejected('zip');
  }
  if (!manifest) throw rejected('zip');
  if (/vbaProject|macroEnabled/i.test(manifest)) throw rejected('macro');
  const declared = [...manifest.matchAll(/ContentType\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
  const found = [...new Set(declared.map((c) => OFFICE_MAIN[c]).filter((t): t is FileType => !!t))];
  if (found.length !== 1) throw rejected('zip');
  return found[0]!;
}

/**
 * The type of a file from its leading bytes, never from its name or the client's Content-Type.
 * Anything outside the allow-list is refused (FILE_TYPE_REJECTED); a hostile archive ARCHIVE_REJECTED.
 */
export function sniffContent(buf: Buffer): FileType {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpeg;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return FILE_TYPES.gif;
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBPVP8'), 8)) return FILE_TYPES.webp;
  if (startsWith(buf, ascii('%PDF-'))) return FILE_TYPES.pdf;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return sniffOffice(buf);
  throw rejected('content');
}
