import type { Static } from 'typebox';
import type { Job, JobQuery } from '../../../contracts/system.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx } from '../context.js';
import * as repo from './jobs.repo.js';

type JobItem = Static<typeof Job>;

function presentJob(r: repo.JobRow): JobItem {
  return { id: r.id, kind: r.kind, status: r.status, runAt: r.run_at, attempts: Number(r.attempts), lastError: r.last_error, finishedAt: r.finished_at };
}

/** Newest first, so a failing schedule shows at the top. */
export async function listJobs(ctx: Ctx, q: Static<typeof JobQuery>): Promise<Page<JobItem>> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const f = q.status ? { status: q.status } : {};
  const [rows, total] = await Promise.all([
    repo.listJobRows(ctx.deps.db, ctx.tenantId, f, pageSize, (page - 1) * pageSize),
    repo.countJobs(ctx.deps.db, ctx.tenantId, f),
  ]);
  return { items: rows.map(presentJob), total, page, pageSize };
}
