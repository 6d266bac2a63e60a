import { addMs, nowIso } from '../clock/clock.js';
import type { JobDef } from '../jobs/job-def.js';
import { loadSettings } from '../settings/settings.js';
import { deleteStaleDrafts } from './attachments.repo.js';

const DAY_MS = 86_400_000;
const BATCH = 200;

export const storageJobs: JobDef[] = [
  {
    // Uploads nobody attached to a record (an abandoned form) would otherwise stay in storage for ever.
    kind: 'storage.purgeDrafts',
    cron: '23 3 * * *',
    perTenant: true,
    async run(deps, job) {
      if (!job.tenantId) return;
      const days = (await loadSettings(deps.db, job.tenantId))['system.uploads.draftDays'];
      const cutoff = addMs(nowIso(deps.clock), -days * DAY_MS);
      for (;;) {
        const keys = await deleteStaleDrafts(deps.db, job.tenantId, cutoff, BATCH);
        for (const key of keys) await deps.storage.delete(key);
        if (keys.length < BATCH) break;
      }
    },
  },
];
