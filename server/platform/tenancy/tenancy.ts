import type { Db } from '../context.js';

const byHost = new Map<string, { id: string; at: number }>();
const TTL_MS = 30_000;

/** The tenant a public request or login belongs to: the one bound to the Host header, else the default one. */
export async function resolveTenantId(db: Db, host: string | undefined): Promise<string | null> {
  const name = (host ?? '').split(':')[0]?.toLowerCase() ?? '';
  const hit = byHost.get(name);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.id;
  const row =
    (name && (await db.selectFrom('tenant').select('id').where('host', '=', name).executeTakeFirst())) ||
    (await db.selectFrom('tenant').select('id').where('is_default', '=', 1).executeTakeFirst());
  if (!row) return null;
  byHost.set(name, { id: row.id, at: Date.now() });
  return row.id;
}

export function forgetTenants(): void {
  byHost.clear();
}
