import type { Db, Tx } from '../context.js';
import { WorkCalendar } from './calendar.js';

/**
 * Every deadline and SLA colour needs the tenant's calendar, so each process keeps it for a few seconds
 * (like settings); an override saved through another process reaches this one within that time.
 */
const ttlMs = () => Number(process.env.QINGFENG_CACHE_TTL_MS ?? 5000);
const cache = new Map<string, { at: number; value: WorkCalendar }>();

/** The tenant's working-day calendar: national data with the administrator's overrides applied. */
export async function loadCalendar(db: Db | Tx, tenantId: string): Promise<WorkCalendar> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < ttlMs()) return hit.value;
  const rows = await db.selectFrom('calendar_override').select(['date', 'kind']).where('tenant_id', '=', tenantId).execute();
  const value = new WorkCalendar(rows);
  cache.set(tenantId, { at: Date.now(), value });
  return value;
}

export function forgetCalendar(tenantId: string): void {
  cache.delete(tenantId);
}
