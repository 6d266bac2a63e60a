import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { AppError } from './errors.js';

const WINDOW_MS = 60_000;

class MemoryWindow {
  private readonly counts = new Map<string, { count: number; resetAt: number }>();
  hit(key: string, now: number): number {
    let e = this.counts.get(key);
    if (!e || e.resetAt <= now) {
      if (this.counts.size > 100_000) this.counts.clear();
      e = { count: 0, resetAt: now + WINDOW_MS };
      this.counts.set(key, e);
    }
    e.count += 1;
    return e.count;
  }
}

/** Counter shared by every process through the database: one UPSERT per limited request. */
async function sharedHit(deps: Deps, key: string, now: number): Promise<number> {
  const row = await deps.db
    .insertInto('rate_limit')
    .values({ key, count: 1, reset_at: now + WINDOW_MS })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb.case().when('rate_limit.reset_at', '<=', now).then(1).else(eb('rate_limit.count', '+', 1)).end(),
        reset_at: eb.case().when('rate_limit.reset_at', '<=', now).then(now + WINDOW_MS).else(eb.ref('rate_limit.reset_at')).end(),
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function installRateLimits(app: FastifyInstance, deps: Deps): void {
  const global = new MemoryWindow();
  const perRoute = new MemoryWindow();
  // Addresses are only ever held hashed with a per-process random key, so no counter can be mapped back.
  const salt = crypto.randomBytes(16);
  const client = (req: FastifyRequest) => crypto.createHmac('sha256', salt).update(req.ip).digest('base64url').slice(0, 22);
  const sharedKey = deps.keys.derive('rate-limit');
  const sharedClient = (req: FastifyRequest) => deps.crypto.hmacSm3(sharedKey, req.ip).toString('base64url').slice(0, 32);

  app.addHook('onRequest', async (req) => {
    if (global.hit(client(req), Date.now()) > deps.config.globalRatePerMinute) throw new AppError('RATE_LIMITED');
  });
  app.addHook('preHandler', async (req) => {
    const limit = req.routeOptions.config?.rateLimit;
    if (!limit) return;
    const route = `${req.method} ${req.routeOptions.url}`;
    const now = Date.now();
    const count =
      limit.store === 'shared'
        ? await sharedHit(deps, `${route}|${sharedClient(req)}`, now)
        : perRoute.hit(`${route}|${client(req)}`, now);
    if (count > limit.max) throw new AppError('RATE_LIMITED', { retryAfter: 60 });
  });
}
