import type { JobDef } from '../../platform/jobs/job-def.js';
import { autoCloseUnrated } from './complaints.autoclose.js';

/** Hourly, once across processes per tenant: a complaint closes within the hour after its rating period ends. */
export const complaintJobs: JobDef[] = [
  {
    kind: 'complaints.auto_close',
    cron: '41 * * * *',
    perTenant: true,
    async run(deps, job) {
      if (job.tenantId) await autoCloseUnrated(deps, job.tenantId);
    },
  },
];
