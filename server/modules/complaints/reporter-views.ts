import type { ReporterView } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';

/**
 * A reporter's page polls its view far more often than the complaint changes, so each process keeps a
 * built view for VIEW_TTL_MS. Every change made through this process (a handler's step, the reporter's
 * own message or rating) drops the kept view when it commits, so the next poll reads it fresh; only a
 * change made through another process takes up to VIEW_TTL_MS to show. The view is kept as the JSON text
 * the route sends, so a poll costs no serialisation either.
 */
export const VIEW_TTL_MS = 2_000;
const MAX_VIEWS = 10_000;
const views = new Map<string, { at: number; json: string }>();
/** The change counter when each view was last dropped: a load that began before a drop must not be kept. */
const dropped = new Map<string, number>();
let changes = 0;
let clearedAt = 0;

const keyOf = (tenantId: string, complaintId: string) => `${tenantId}:${complaintId}`;

/** The reporter's view as JSON text, kept or built afresh. */
export async function keptReporterView(ctx: Ctx, complaintId: string, build: () => Promise<ReporterView>): Promise<string> {
  const key = keyOf(ctx.tenantId, complaintId);
  const now = ctx.deps.clock.now().getTime();
  const hit = views.get(key);
  if (hit && now >= hit.at && now - hit.at < VIEW_TTL_MS) return hit.json;
  const began = changes;
  const json = JSON.stringify(await build());
  if (began >= clearedAt && (dropped.get(key) ?? 0) <= began) {
    if (views.size >= MAX_VIEWS) views.clear();
    views.set(key, { at: now, json });
  }
  return json;
}

/** Called after a change to the complaint has committed. */
export function dropReporterView(tenantId: string, complaintId: string): void {
  const key = keyOf(tenantId, complaintId);
  changes += 1;
  views.delete(key);
  if (dropped.size >= MAX_VIEWS) {
    dropped.clear();
    clearedAt = changes;
  }
  dropped.set(key, changes);
}
