import { ApiError, toApiError } from './api-error';

export { ApiError } from './api-error';

export const CSRF_HEADER = 'x-qingfeng-request';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Called for answers that mean "the session cannot continue here" (401, MFA / password obligations). */
export type SessionProblemHandler = (err: ApiError) => void;

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'MFA_REQUIRED', 'PASSWORD_CHANGE_REQUIRED']);
let sessionProblem: SessionProblemHandler | null = null;

export function onSessionProblem(handler: SessionProblemHandler | null): void {
  sessionProblem = handler;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** A fresh key per create. randomUUID exists only in secure contexts; intranet HTTP falls back to getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

interface SendOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

async function send(method: string, path: string, opts: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = '1';
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR');
  }
  if (res.ok) return res;
  const error = toApiError(res.status, await readBody(res), res.headers.get('x-request-id'));
  if (SESSION_CODES.has(error.code)) sessionProblem?.(error);
  throw error;
}

async function json<T>(method: string, path: string, opts?: SendOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const body = await readBody(res);
  if (body === null) throw new ApiError(res.status, 'BAD_RESPONSE', { status: res.status }, res.headers.get('x-request-id'));
  return body as T;
}

/**
 * A create POST with an Idempotency-Key. A lost answer (network error) is retried with the same key, so the
 * server returns the stored result instead of creating the record twice.
 */
async function create<T>(path: string, body: unknown, attempts = 3): Promise<T> {
  const key = newIdempotencyKey();
  for (let i = 1; ; i++) {
    try {
      return await json<T>('POST', path, { body, headers: { 'idempotency-key': key } });
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'NETWORK_ERROR' || i >= attempts) throw err;
    }
  }
}

/** RFC 6266: prefer the UTF-8 `filename*`, fall back to the ASCII `filename`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed escape falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a file (an .xlsx export or template) with the session cookie and hands it to the browser. */
async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const res = await send('GET', path, { query, headers: { accept: '*/*' } });
  const name = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/** Multipart upload; the browser sets the boundary, so no content-type here. */
async function upload<T>(path: string, file: File | Blob, fields: Record<string, string> = {}, fileField = 'file'): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(fileField, file, file instanceof File ? file.name : 'upload.bin');
  return json<T>('POST', path, { form });
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  /** A bodiless POST still sends `{}`: routes that declare an empty body schema require one, the others ignore it. */
  post: <T>(path: string, body: unknown = {}) => json<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body }),
  del: <T>(path: string) => json<T>('DELETE', path),
  create,
  download,
  upload,
  saveBlob,
};
