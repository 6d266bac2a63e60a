import type { Db } from '../../platform/context.js';

export async function tenantName(db: Db, tenantId: string): Promise<string | null> {
  const row = await db.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirst();
  return row?.name ?? null;
}
