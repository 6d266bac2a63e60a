import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../../contracts/errors.js';
import { AppError } from './errors.js';

interface Mapped {
  status: number;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

function mapError(err: FastifyError & { validation?: { instancePath?: string; keyword?: string; params?: Record<string, unknown> }[] }): Mapped {
  if (err instanceof AppError) return { status: err.status, code: err.code, params: err.params };
  if (err.validation) {
    const v = err.validation[0];
    const params: Record<string, string | number> = { part: err.validationContext ?? 'body', path: v?.instancePath || '/', keyword: v?.keyword ?? '' };
    const extra = v?.params?.additionalProperty ?? v?.params?.missingProperty ?? v?.params?.format;
    if (typeof extra === 'string') params.field = extra;
    const code: ErrorCode = v?.keyword === 'format' && (v.params?.format === 'plain' || v.params?.format === 'text') ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED';
    return { status: 400, code, params };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'MALFORMED_JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, code: 'FILE_TOO_LARGE' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  }
  if (err.statusCode === 429) return { status: 429, code: 'RATE_LIMITED' };
  if (err instanceof SyntaxError || err.statusCode === 400) return { status: 400, code: 'MALFORMED_JSON' };
  if (err.statusCode === 413) return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
  if (err.statusCode === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  return { status: 500, code: 'INTERNAL' };
}

/** Every failure leaves as `{error:{code,params,requestId}}`; messages and stacks stay in the log. */
export function installErrorHandler(app: FastifyInstance, pageFallback?: (req: FastifyRequest, reply: FastifyReply) => boolean): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const m = mapError(err);
    if (m.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: m.code, params: m.params }, 'request rejected');
    const body: ErrorBody = { error: { code: m.code, ...(m.params ? { params: m.params } : {}), requestId: req.id } };
    void reply.code(m.status).header('cache-control', 'no-store').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    if (pageFallback?.(req, reply)) return;
    const body: ErrorBody = { error: { code: 'ROUTE_NOT_FOUND', requestId: req.id } };
    void reply.code(404).send(body);
  });
}
