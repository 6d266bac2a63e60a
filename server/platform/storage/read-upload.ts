import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';

const MIB = 1024 * 1024;
/** Mapped by the error handler to their own codes. */
const LIMIT_ERRORS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_INVALID_MULTIPART_CONTENT_TYPE']);

/**
 * The one file of an upload form: field `file`, nothing else. Reading stops at `maxBytes` (FILE_TOO_LARGE);
 * parts beyond the one file are drained and refused rather than silently ignored.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let upload: { name: string; data: Buffer } | null = null;
  let unexpected: string | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file' && part.fieldname === 'file' && !upload) {
        upload = { name: part.filename, data: await part.toBuffer() };
        continue;
      }
      if (part.type === 'file') part.file.resume();
      unexpected ??= part.fieldname;
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMegabytes: maxBytes / MIB });
    if (LIMIT_ERRORS.has(code)) throw e;
    // Anything else the parser trips over (cut-off body, wrong boundary, broken part headers) is the client's.
    throw new AppError('VALIDATION_FAILED', { part: 'body', keyword: 'multipart' });
  }
  if (unexpected !== null) throw new AppError('VALIDATION_FAILED', { part: 'body', field: unexpected.slice(0, 40), keyword: 'additionalProperties' });
  if (!upload) throw new AppError('VALIDATION_FAILED', { part: 'body', field: 'file', keyword: 'required' });
  return upload;
}
