import type { Tx } from '../context.js';

/**
 * Next number of a tenant's yearly register (逐件编号登记). The UPDATE takes the row lock, so concurrent
 * creators (several processes on PostgreSQL) get distinct numbers in commit order.
 */
export async function nextSequence(tx: Tx, tenantId: string, register: string, year: number): Promise<number> {
  const bumped = await tx
    .updateTable('sequence_counter')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('register', '=', register)
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirst();
  if (bumped) return Number(bumped.last_seq);
  await tx.insertInto('sequence_counter').values({ tenant_id: tenantId, register, year, last_seq: 1 }).execute();
  return 1;
}

/** `<prefix>-<year>-<seq>`, zero-padded: ZG-2026-0001. */
export function registerCode(prefix: string, year: number, seq: number, width = 4): string {
  return `${prefix}-${year}-${String(seq).padStart(width, '0')}`;
}
