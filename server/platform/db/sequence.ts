import type { Tx } from '../context.js';

/**
 * Next number of a tenant's yearly register (逐件编号登记). One upsert both creates the year's counter and
 * bumps it under the row lock, so concurrent creators (several processes on PostgreSQL) get distinct
 * numbers in commit order — also for a year's first number, where a read-then-insert let two callers
 * both insert and one fail on the key.
 */
export async function nextSequence(tx: Tx, tenantId: string, register: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('sequence_counter')
    .values({ tenant_id: tenantId, register, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'register', 'year']).doUpdateSet((eb) => ({ last_seq: eb('sequence_counter.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** `<prefix>-<year>-<seq>`, zero-padded: ZG-2026-0001. */
export function registerCode(prefix: string, year: number, seq: number, width = 4): string {
  return `${prefix}-${year}-${String(seq).padStart(width, '0')}`;
}
