import type { Ctx } from '../context.js';

/**
 * Keeps a public read per tenant for `ttlMs` of the application clock in this process. Concurrent misses
 * share one load. The price is staleness: a change shows on each process's portal within `ttlMs`.
 */
export function perTenantCache<T>(ttlMs: number, load: (ctx: Ctx) => Promise<T>): (ctx: Ctx) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (ctx) => {
    const now = ctx.deps.clock.now().getTime();
    const hit = entries.get(ctx.tenantId);
    if (hit && now >= hit.at && now - hit.at < ttlMs) return hit.value;
    const value = load(ctx);
    entries.set(ctx.tenantId, { at: now, value });
    value.catch(() => {
      if (entries.get(ctx.tenantId)?.value === value) entries.delete(ctx.tenantId);
    });
    return value;
  };
}
