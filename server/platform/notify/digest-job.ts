import type { Deps } from '../context.js';
import type { JobDef } from '../jobs/job-def.js';
import { localDate } from '../clock/clock.js';
import { loadCalendar } from '../clock/load-calendar.js';
import { loadSettings } from '../settings/settings.js';
import { sendDailyDigest, type DigestItem } from './digest.js';

/** What one module has due for whom today: user id → items. */
export type DigestSource = (deps: Deps, tenantId: string) => Promise<Map<string, DigestItem[]>>;

const HOUR_MS = 3600_000;

/**
 * The single daily reminder: every module's due items for a person go into one digest, sent on working
 * days from the configured hour on (a later tick still sends it if the process was down at that hour; the
 * digest's own dedupe key keeps it to one a day). Nobody is reminded on a holiday.
 */
export function digestJob(sources: DigestSource[]): JobDef {
  return {
    kind: 'notify.daily_digest',
    cron: '*/15 * * * *',
    perTenant: true,
    async run(deps, job) {
      const tenantId = job.tenantId;
      if (!tenantId) return;
      const settings = await loadSettings(deps.db, tenantId);
      const now = deps.clock.now();
      const localHour = new Date(now.getTime() + 8 * HOUR_MS).getUTCHours();
      if (localHour < settings['system.notify.digestHour']) return;
      if (!(await loadCalendar(deps.db, tenantId)).isWorkingDay(localDate(now))) return;
      const merged = new Map<string, DigestItem[]>();
      for (const source of sources) {
        for (const [userId, items] of await source(deps, tenantId)) merged.set(userId, [...(merged.get(userId) ?? []), ...items]);
      }
      for (const [userId, items] of merged) await sendDailyDigest(deps, tenantId, userId, items);
    },
  };
}
