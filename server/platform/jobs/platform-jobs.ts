import { signCheckpoint } from '../audit/checkpoint.js';
import { addMs, nowIso } from '../clock/clock.js';
import type { JobDef } from './job-def.js';

const DAY_MS = 86_400_000;

/** Housekeeping every installation needs; each runs once per slot across all processes. */
export const platformJobs: JobDef[] = [
  {
    kind: 'audit.checkpoint',
    cron: '0 * * * *',
    perTenant: true,
    async run(deps, job) {
      if (job.tenantId) await signCheckpoint(deps, job.tenantId);
    },
  },
  {
    kind: 'platform.purge',
    cron: '17 * * * *',
    async run(deps) {
      const now = nowIso(deps.clock);
      await deps.db.deleteFrom('session').where('expires_at', '<', now).execute();
      await deps.db.deleteFrom('idempotency_key').where('created_at', '<', addMs(now, -DAY_MS)).execute();
      await deps.db.deleteFrom('rate_limit').where('reset_at', '<', deps.clock.now().getTime()).execute();
      await deps.db.deleteFrom('job').where('status', '=', 'done').where('finished_at', '<', addMs(now, -30 * DAY_MS)).execute();
    },
  },
];
