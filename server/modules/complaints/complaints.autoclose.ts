import type { Deps } from '../../platform/context.js';
import { systemCtx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, toIso } from '../../platform/clock/clock.js';
import { transact } from '../../platform/db/transact.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { recordEvent } from './complaints.exchange.js';
import * as repo from './complaints.repo.js';
import { dropReporterView } from './reporter-views.js';

const DAY_MS = 86_400_000;

/**
 * system.complaint.autoCloseDays counts calendar days, not working days: it is the reporter's time to rate,
 * and 15 days is the usual 评价期. The period is over once that many full days (24 h each) have passed since
 * the answer; from then 监督部门 may close by hand, and the auto-close job closes it at its next run.
 */
export function ratingPeriodOver(answeredAt: string | null, now: Date, days: number): boolean {
  return !!answeredAt && Date.parse(answeredAt) <= ratingCutoff(now, days).getTime();
}

/** The latest answer time whose rating period is over by `now`. */
function ratingCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * 自动办结: every complaint 已答复 without a rating for the whole period is closed by the system, one
 * transaction each (a public timeline entry and one audit record as the system actor), and the reporter's
 * kept view is dropped so the portal shows it closed. Returns how many were closed.
 */
export async function autoCloseUnrated(deps: Deps, tenantId: string): Promise<number> {
  const days = (await loadSettings(deps.db, tenantId))['system.complaint.autoCloseDays'];
  const due = await repo.answeredUnratedSince(deps.db, tenantId, toIso(ratingCutoff(deps.clock.now(), days)));
  const ctx = systemCtx(deps, tenantId);
  let closed = 0;
  for (const c of due) {
    const done = await transact(ctx, async (tx) => {
      if (!(await repo.closeIfUnrated(tx, tenantId, c.id, c.answered_at!, nowIso(deps.clock)))) return false;
      await recordEvent(tx, ctx, c.id, 'auto_closed', 'public');
      await writeAudit(tx, ctx, { action: 'complaint.auto_close', objectType: 'complaint', objectId: c.id, details: { code: c.code, answeredAt: c.answered_at, days } });
      return true;
    });
    if (!done) continue;
    dropReporterView(tenantId, c.id);
    closed += 1;
  }
  return closed;
}
