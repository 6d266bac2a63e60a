import type { Ctx, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { AppError } from '../http/errors.js';
import { isUniqueViolation } from './dialect.js';

/**
 * Runs a use case in one transaction. When the request carries an Idempotency-Key, the key is claimed
 * first (its UNIQUE constraint makes a concurrent duplicate fail) and the result is stored, encrypted,
 * before commit: the key and the row it created become durable together or not at all.
 */
export async function transact<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const claim = ctx.idempotency;
  try {
    return await ctx.deps.db.transaction().execute(async (tx) => {
      const result = await fn(tx);
      if (claim) {
        const aad = `idem:${ctx.tenantId}:${claim.scope}:${claim.key}`;
        await tx
          .insertInto('idempotency_key')
          .values({
            tenant_id: ctx.tenantId,
            scope: claim.scope,
            key: claim.key,
            fingerprint: claim.fingerprint,
            status_code: claim.statusCode,
            response: ctx.deps.crypto.encrypt(ctx.tenantId, JSON.stringify(result ?? null), aad),
            created_at: nowIso(ctx.deps.clock),
          })
          .execute();
      }
      return result;
    });
  } catch (e) {
    if (claim && isUniqueViolation(e) && String((e as Error).message).includes('idempotency_key')) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    }
    throw e;
  }
}
