import type { FastifyRequest } from 'fastify';
import { PortalComplaint } from '../../../../contracts/complaints.js';
import type { Deps } from '../../../platform/context.js';
import { checkCaptcha, type SolvedCaptcha } from '../../../platform/http/captcha.js';
import { AppError } from '../../../platform/http/errors.js';
import { validatorCompiler } from '../../../platform/http/validation.js';
import { attachmentName } from '../../../platform/storage/file-name.js';
import { FILE_TYPES, sniffContent, type FileType } from '../../../platform/storage/sniff.js';

export const MAX_FILES = 5;
/** The JSON of one complaint: 5 000 characters of content, escaped, fit many times over. */
const DATA_FIELD_BYTES = 64 * 1024;
const MIB = 1024 * 1024;

/** Evidence from the public is photos and PDFs; office documents (zips that could carry macros) are not taken. */
const EVIDENCE_TYPES: FileType[] = [FILE_TYPES.jpeg, FILE_TYPES.png, FILE_TYPES.gif, FILE_TYPES.webp, FILE_TYPES.pdf];

export interface EvidenceFile {
  /** Neutral (`1.jpg`): a reporter's own file name can name them. */
  name: string;
  data: Buffer;
  sm3: string;
}

export interface ComplaintForm {
  data: PortalComplaint;
  files: EvidenceFile[];
  captcha: SolvedCaptcha;
}

const validate = validatorCompiler({ schema: PortalComplaint, method: 'POST', url: '/api/portal/complaints', httpPart: 'body' }) as unknown as ((v: unknown) => boolean) & {
  errors?: unknown[] | null;
};

/** The same refusal a JSON body gets from the route schema: the error handler maps it to the same codes. */
function parseData(value: unknown): PortalComplaint {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      throw new AppError('MALFORMED_JSON');
    }
  }
  if (!validate(data)) throw Object.assign(new Error('invalid complaint form'), { validation: validate.errors, validationContext: 'body' });
  return data as PortalComplaint;
}

const unexpected = (field: string) => new AppError('VALIDATION_FAILED', { part: 'body', field: field.slice(0, 40), keyword: 'additionalProperties' });

function parserError(e: unknown, maxBytes: number): unknown {
  if (e instanceof AppError) return e;
  switch ((e as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('FILE_TOO_LARGE', { maxMegabytes: maxBytes / MIB });
    case 'FST_FILES_LIMIT':
      return new AppError('VALIDATION_FAILED', { part: 'body', field: 'files', keyword: 'maxItems' });
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION_FAILED', { part: 'body', keyword: 'additionalProperties' });
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('MALFORMED_JSON');
    default:
      // A cut-off body, a wrong boundary, broken part headers: the client's.
      return new AppError('VALIDATION_FAILED', { part: 'body', keyword: 'multipart' });
  }
}

/** The type of one piece of evidence, by content; its name must not claim another type (`a.pdf.exe`, HTML named `.png`). */
function evidenceType(data: Buffer, name: string): FileType {
  if (data.subarray(0, 2).toString('latin1') === 'PK') throw new AppError('FILE_TYPE_REJECTED', { reason: 'type' });
  const type = sniffContent(data);
  if (!EVIDENCE_TYPES.includes(type)) throw new AppError('FILE_TYPE_REJECTED', { reason: 'type' });
  attachmentName(name, type);
  return type;
}

/**
 * Reads a portal complaint: field `data` (the PortalComplaint JSON) and up to five files in `files`.
 * The captcha in `data` is checked (signature, work, expiry; not whether it was used, which a retry with
 * an Idempotency-Key may carry) as soon as `data` arrives, so a request without real work has its files
 * drained rather than held in memory. The first refusal wins; the rest of the
 * body is drained so the connection stays usable.
 */
export async function readComplaintForm(req: FastifyRequest, deps: Deps, maxBytes: number): Promise<ComplaintForm> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let data: PortalComplaint | null = null;
  let captcha: SolvedCaptcha | null = null;
  const raw: { name: string; data: Buffer }[] = [];
  let refusal: unknown = null;
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes, files: MAX_FILES, fields: 1, parts: MAX_FILES + 2, fieldSize: DATA_FIELD_BYTES } });
    for await (const part of parts) {
      if (refusal !== null) {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      if (part.type === 'field' && part.fieldname === 'data') {
        if (part.valueTruncated) {
          refusal = new AppError('PAYLOAD_TOO_LARGE');
          continue;
        }
        try {
          data = parseData(part.value);
          captcha = checkCaptcha(deps, data.captcha);
        } catch (e) {
          refusal = e;
        }
      } else if (part.type === 'file' && part.fieldname === 'files') {
        raw.push({ name: part.filename, data: await part.toBuffer() });
      } else {
        if (part.type === 'file') part.file.resume();
        refusal = unexpected(part.fieldname);
      }
    }
  } catch (e) {
    throw parserError(e, maxBytes);
  }
  if (refusal !== null) throw refusal;
  if (!data || !captcha) throw new AppError('VALIDATION_FAILED', { part: 'body', field: 'data', keyword: 'required' });
  const files = raw.map((f, i) => {
    const type = evidenceType(f.data, f.name);
    return { name: `${i + 1}.${type.extensions[0]}`, data: f.data, sm3: deps.crypto.sm3(f.data) };
  });
  return { data, files, captcha };
}

/**
 * What makes two submissions the same for Idempotency-Key: the complaint and its files, not the captcha
 * (a retry may carry a freshly solved one).
 */
export function formFingerprint(deps: Deps, form: ComplaintForm): string {
  const fields = Object.entries(form.data).filter(([k]) => k !== 'captcha').sort(([a], [b]) => (a < b ? -1 : 1));
  return deps.crypto.sm3(JSON.stringify(['portal-complaint', fields, form.files.map((f) => f.sm3)]));
}
