import type { Db, Tx } from '../context.js';

/** Data a module ships to every tenant (built-in checklists, ...). Must be idempotent. */
export type TenantSeed = (db: Db | Tx, tenantId: string, at: string) => Promise<void>;

const seeds: TenantSeed[] = [];

/**
 * Declares a module's seed; call it once at module load. It runs inside createTenant's transaction for a
 * new tenant and, at every start, for each existing tenant (a module added later reaches old tenants too).
 */
export function registerTenantSeed(seed: TenantSeed): void {
  if (!seeds.includes(seed)) seeds.push(seed);
}

export async function runTenantSeeds(db: Db | Tx, tenantId: string, at: string): Promise<void> {
  for (const seed of seeds) await seed(db, tenantId, at);
}
