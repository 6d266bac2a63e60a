import type { Page } from '../../../contracts/common.js';
import type { CopyRubric, FeedList, Rubric, RubricQuery, RubricSummary, SaveRubric } from '../../../contracts/assessment.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { checkRubric, maxTotal } from './assessment.check.js';
import { assessmentFeedCodes } from './assessment.feeds.js';
import { authorizeRubricManage } from './assessment.policy.js';
import { presentRubric, presentRubricSummary } from './assessment.present.js';
import { toCenti } from './assessment.score.js';
import * as repo from './assessment.repo.js';

const canManage = (ctx: Ctx) => !!scopeOf(ctx.actor, 'assessment:manage')?.all;

export function listFeeds(): FeedList {
  return { items: assessmentFeedCodes().map((code) => ({ code })) };
}

export async function listRubrics(ctx: Ctx, q: RubricQuery): Promise<Page<RubricSummary>> {
  const r = await repo.searchRubrics(ctx.deps.db, ctx.tenantId, q);
  return { items: r.rows.map(presentRubricSummary), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function getRubric(ctx: Ctx, id: string): Promise<Rubric> {
  const row = await repo.findRubric(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('rubric');
  return presentRubric(row, canManage(ctx));
}

export async function createRubric(ctx: Ctx, input: SaveRubric): Promise<Rubric> {
  authorizeRubricManage(ctx);
  checkRubric(input.definition, new Set(assessmentFeedCodes()));
  const at = nowIso(ctx.deps.clock);
  const row: repo.RubricRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    year: input.year,
    name: input.name,
    subject_kind: input.subjectKind,
    status: 'draft',
    definition: JSON.stringify(input.definition),
    max_total_centi: toCenti(maxTotal(input.definition)),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: at,
    updated_at: at,
    published_at: null,
  };
  await transact(ctx, async (tx) => {
    await repo.insertRubric(tx, row);
    await writeAudit(tx, ctx, { action: 'assessment.rubric.create', objectType: 'assessment_rubric', objectId: row.id, details: { year: row.year, subjectKind: row.subject_kind } });
  });
  return getRubric(ctx, row.id);
}

export async function updateRubric(ctx: Ctx, id: string, input: SaveRubric): Promise<Rubric> {
  authorizeRubricManage(ctx);
  checkRubric(input.definition, new Set(assessmentFeedCodes()));
  await transact(ctx, async (tx) => {
    const row = await repo.findRubric(tx, ctx.tenantId, id);
    if (!row) throw notFound('rubric');
    if (row.status !== 'draft') throw new AppError('STATE_INVALID', { state: row.status });
    await repo.updateRubric(tx, ctx.tenantId, id, {
      year: input.year,
      name: input.name,
      subject_kind: input.subjectKind,
      definition: JSON.stringify(input.definition),
      max_total_centi: toCenti(maxTotal(input.definition)),
      updated_at: nowIso(ctx.deps.clock),
    });
    await writeAudit(tx, ctx, { action: 'assessment.rubric.update', objectType: 'assessment_rubric', objectId: id });
  });
  return getRubric(ctx, id);
}

/** Publishing fixes the rubric: assessments can be launched under it, and it never changes again. */
export async function publishRubric(ctx: Ctx, id: string): Promise<Rubric> {
  authorizeRubricManage(ctx);
  await transact(ctx, async (tx) => {
    const row = await repo.findRubric(tx, ctx.tenantId, id);
    if (!row) throw notFound('rubric');
    if (row.status !== 'draft') throw new AppError('STATE_INVALID', { state: row.status });
    // A feed may have gone away since the draft was saved; a published rubric must only name live ones.
    checkRubric(JSON.parse(row.definition), new Set(assessmentFeedCodes()));
    const at = nowIso(ctx.deps.clock);
    await repo.updateRubric(tx, ctx.tenantId, id, { status: 'published', published_at: at, updated_at: at });
    await writeAudit(tx, ctx, { action: 'assessment.rubric.publish', objectType: 'assessment_rubric', objectId: id });
  });
  return getRubric(ctx, id);
}

/** Next year's rubric starts as a draft copy of this one. */
export async function copyRubric(ctx: Ctx, id: string, input: CopyRubric): Promise<Rubric> {
  authorizeRubricManage(ctx);
  const source = await repo.findRubric(ctx.deps.db, ctx.tenantId, id);
  if (!source) throw notFound('rubric');
  const at = nowIso(ctx.deps.clock);
  const row: repo.RubricRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    year: input.year,
    name: input.name ?? source.name,
    subject_kind: source.subject_kind,
    status: 'draft',
    definition: source.definition,
    max_total_centi: source.max_total_centi,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: at,
    updated_at: at,
    published_at: null,
  };
  await transact(ctx, async (tx) => {
    await repo.insertRubric(tx, row);
    await writeAudit(tx, ctx, { action: 'assessment.rubric.copy', objectType: 'assessment_rubric', objectId: row.id, details: { from: id, year: row.year } });
  });
  return getRubric(ctx, row.id);
}
