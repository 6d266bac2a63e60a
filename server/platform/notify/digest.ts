import type { Deps } from '../context.js';
import { systemCtx } from '../context.js';
import { today } from '../clock/clock.js';
import { recordOnce } from '../jobs/queue.js';
import { isNotificationKind, notify, type NotificationParams } from './notify.service.js';

/** One thing due for the person; the digest counts them by kind. */
export interface DigestItem {
  kind: string;
}

/**
 * One reminder per person per day, however many items are due and however often reminder jobs run: the
 * day's dedupe key and the notification commit together. Params: the date, the item count and a count
 * per item kind under `n.<kind>`, for the web to say "3 tasks due, 2 complaints overdue".
 */
export async function sendDailyDigest(deps: Deps, tenantId: string, userId: string, items: DigestItem[]): Promise<boolean> {
  if (items.length === 0) return false;
  const date = today(deps.clock);
  const params: NotificationParams = { date, count: items.length };
  for (const item of items) {
    if (!isNotificationKind(item.kind)) throw new Error(`invalid digest item kind "${item.kind}"`);
    params[`n.${item.kind}`] = Number(params[`n.${item.kind}`] ?? 0) + 1;
  }
  const ctx = systemCtx(deps, tenantId);
  return deps.db.transaction().execute(async (tx) => {
    const first = await recordOnce(tx, deps.clock, { kind: 'notify.digest', tenantId, dedupeKey: `notify.digest@${tenantId}@${userId}@${date}`, payload: { userId, date } });
    if (!first) return false;
    await notify(tx, ctx, { userIds: [userId], kind: 'digest', params });
    return true;
  });
}
