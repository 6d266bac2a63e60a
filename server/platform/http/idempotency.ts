import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { AppError } from './errors.js';

const KEY = /^[\x21-\x7e]{8,128}$/;

function scopeOf(req: FastifyRequest): string {
  const who = req.ctx.actor.kind === 'user' ? req.ctx.actor.userId : 'public';
  return `${req.method} ${req.routeOptions.url} ${who}`;
}

/**
 * Idempotency-Key (IETF draft): a retried create returns the stored result instead of creating twice;
 * the same key with a different body is refused. The claim itself is written by `transact`, in the same
 * transaction as the row it creates.
 */
export function installIdempotency(app: FastifyInstance, deps: Deps): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config?.idempotent) return;
    const raw = req.headers['idempotency-key'];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !KEY.test(raw)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
    const scope = scopeOf(req);
    const fingerprint = deps.crypto.sm3(JSON.stringify([req.params ?? null, req.body ?? null]));
    const found = await deps.db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('tenant_id', '=', req.ctx.tenantId)
      .where('scope', '=', scope)
      .where('key', '=', raw)
      .executeTakeFirst();
    if (found) {
      if (found.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      const body = deps.crypto.decrypt(req.ctx.tenantId, found.response, `idem:${req.ctx.tenantId}:${scope}:${raw}`);
      reply.header('idempotent-replayed', 'true');
      return reply.code(found.status_code).send(JSON.parse(body));
    }
    req.ctx.idempotency = { scope, key: raw, fingerprint, statusCode: req.method === 'POST' ? 201 : 200 };
  });
}
