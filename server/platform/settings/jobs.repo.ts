import { sql } from 'kysely';
import type { Db } from '../context.js';
import type { JobTable } from '../jobs/jobs.tables.js';

export interface JobFilter {
  status?: JobTable['status'];
}

/** A tenant's own jobs and the installation-wide housekeeping (tenant_id null) that keeps it running. */
function visible(db: Db, tenantId: string, f: JobFilter) {
  let q = db.selectFrom('job').where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('tenant_id', 'is', null)]));
  if (f.status) q = q.where('status', '=', f.status);
  return q;
}

export function listJobRows(db: Db, tenantId: string, f: JobFilter, limit: number, offset: number) {
  return visible(db, tenantId, f)
    .select(['id', 'kind', 'status', 'run_at', 'attempts', 'last_error', 'finished_at'])
    .orderBy('run_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type JobRow = Awaited<ReturnType<typeof listJobRows>>[number];

export async function countJobs(db: Db, tenantId: string, f: JobFilter): Promise<number> {
  const r = await visible(db, tenantId, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
