import { nowIso } from '../../../platform/clock/clock.js';
import type { JobDef } from '../../../platform/jobs/job-def.js';
import { deleteExpiredReporterSessions } from './portal.repo.js';

/** Expired reporter sessions are refused when used; this removes their rows, hourly, once across processes. */
export const complaintPortalJobs: JobDef[] = [
  {
    kind: 'complaints.reporter_sessions.purge',
    cron: '23 * * * *',
    async run(deps) {
      await deleteExpiredReporterSessions(deps.db, nowIso(deps.clock));
    },
  },
];
