import type { ErrorCode } from '../../../../contracts/errors';

/** Codes the client produces itself when no server answer could be read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export type ApiErrorParams = Record<string, string | number>;

/** A failed API call: the server's stable code and parameters, never its prose. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    readonly params: ApiErrorParams = {},
    readonly requestId: string | null = null,
    /** The parsed response body, for answers that carry more than the code (an import report). */
    readonly body: unknown = null,
  ) {
    super(code);
    this.name = 'ApiError';
  }

  is(...codes: (ErrorCode | ClientErrorCode)[]): boolean {
    return codes.includes(this.code);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cleanParams(v: unknown): ApiErrorParams {
  if (!isRecord(v)) return {};
  const out: ApiErrorParams = {};
  for (const [k, p] of Object.entries(v)) if (typeof p === 'string' || typeof p === 'number') out[k] = p;
  return out;
}

/**
 * Turns a non-2xx response body into an ApiError. The server's shape is `{error:{code,params,requestId}}`;
 * an Excel import answers 422 with its row report instead, which is kept as the body.
 */
export function toApiError(status: number, body: unknown, requestIdHeader: string | null): ApiError {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const e = body.error;
    const requestId = typeof e.requestId === 'string' ? e.requestId : requestIdHeader;
    return new ApiError(status, e.code as ErrorCode, cleanParams(e.params), requestId, body);
  }
  if (status === 422 && isRecord(body) && Array.isArray(body.errors)) return new ApiError(status, 'IMPORT_INVALID', {}, requestIdHeader, body);
  return new ApiError(status, 'BAD_RESPONSE', { status }, requestIdHeader, body);
}
