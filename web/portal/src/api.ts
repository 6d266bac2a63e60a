import type { ErrorCode } from '../../../contracts/errors';

/** Codes the portal produces itself when no server answer could be read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed call: the server's stable code and parameters, never its prose. */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'PortalError';
  }
}

export const CSRF_HEADER = 'x-qingfeng-request';

/** A fresh key per submission. randomUUID exists only in secure contexts; intranet HTTP falls back to getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function toError(res: Response): Promise<PortalError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML error page has no code to show.
  }
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const params: Record<string, string | number> = {};
    if (isRecord(body.error.params)) for (const [k, v] of Object.entries(body.error.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    return new PortalError(res.status, body.error.code as ErrorCode, params);
  }
  return new PortalError(res.status, 'BAD_RESPONSE', { status: res.status });
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/**
 * One call to the public API. Credentials are omitted: a staff session on this origin has no business in a
 * reporter's request, and the portal sets no cookie of its own.
 */
export async function call<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.json !== undefined || opts.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (method === 'POST') headers[CSRF_HEADER] = '1';
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new PortalError(0, 'NETWORK_ERROR');
  }
  if (!res.ok) throw await toError(res);
  try {
    return (await res.json()) as T;
  } catch {
    throw new PortalError(res.status, 'BAD_RESPONSE', { status: res.status });
  }
}

/** The message key for a failed call: `errors.<code>` when the locale has one, else a general one. */
export function errorKey(err: unknown, known: (key: string) => boolean): string {
  const key = `errors.${err instanceof PortalError ? err.code : 'BAD_RESPONSE'}`;
  return known(key) ? key : 'errors.generic';
}
