import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Where an idempotent route's request fingerprint comes from. By default the preHandler hashes params and
     * the parsed body; a route whose body the preHandler cannot see (multipart, read by the handler) says
     * `handler` and calls claimIdempotency itself with a fingerprint of what it read.
     */
    idempotencyFingerprint?: 'body' | 'handler';
  }
}

const KEY = /^[\x21-\x7e]{8,128}$/;

function scopeOf(req: FastifyRequest): string {
  const who = req.ctx.actor.kind === 'user' ? req.ctx.actor.userId : 'public';
  return `${req.method} ${req.routeOptions.url} ${who}`;
}

/**
 * Looks up the request's Idempotency-Key under `fingerprint`. A stored result is sent again (true: the
 * caller returns the reply untouched); the same key with another fingerprint is refused; a new key becomes
 * the claim that `transact` writes beside the row it creates. Without a key nothing happens.
 */
export async function claimIdempotency(req: FastifyRequest, reply: FastifyReply, fingerprint: string): Promise<boolean> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return false;
  if (typeof raw !== 'string' || !KEY.test(raw)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const { deps, tenantId } = req.ctx;
  const scope = scopeOf(req);
  const found = await deps.db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('scope', '=', scope)
    .where('key', '=', raw)
    .executeTakeFirst();
  if (found) {
    if (found.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    const body = deps.crypto.decrypt(tenantId, found.response, `idem:${tenantId}:${scope}:${raw}`);
    void reply.header('idempotent-replayed', 'true').code(found.status_code).send(JSON.parse(body));
    return true;
  }
  req.ctx.idempotency = { scope, key: raw, fingerprint, statusCode: req.method === 'POST' ? 201 : 200 };
  return false;
}

/**
 * Idempotency-Key (IETF draft): a retried create returns the stored result instead of creating twice;
 * the same key with a different body is refused. The claim itself is written by `transact`, in the same
 * transaction as the row it creates.
 */
export function installIdempotency(app: FastifyInstance, deps: Deps): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const cfg = req.routeOptions.config;
    if (!cfg?.idempotent || cfg.idempotencyFingerprint === 'handler') return;
    if (await claimIdempotency(req, reply, deps.crypto.sm3(JSON.stringify([req.params ?? null, req.body ?? null])))) return reply;
  });
}
