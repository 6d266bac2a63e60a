import type { Page } from '../../../contracts/common.js';
import type { Assessment, AssessmentList, AssessmentQuery, AssessmentSummary, LaunchAssessments, RubricDefinition, Sheet } from '../../../contracts/assessment.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { lockRows } from '../../platform/db/lock.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { attachmentsOf } from '../../platform/storage/attachments.service.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import { evaluateFeeds, feedSubject } from './assessment.feed-values.js';
import { allowedActions } from './assessment.policy.js';
import { parseFeeds, presentSheet, presentSummary } from './assessment.present.js';
import { fromCenti, scoreAssessment } from './assessment.score.js';
import * as repo from './assessment.repo.js';

export const ATTACHMENT_OWNER = 'assessment';

export function readerOf(ctx: Ctx): repo.Reader {
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx.actor, 'assessment:read'), personId: ctx.actor.kind === 'user' ? ctx.actor.personId : null };
}

/** Whether the caller may read this assessment at all (its evidence included). */
export async function mayRead(ctx: Ctx, id: string): Promise<boolean> {
  return !!(await repo.findSummary(ctx.deps.db, readerOf(ctx), id));
}

registerAttachmentOwner(ATTACHMENT_OWNER, mayRead);

export async function listAssessments(ctx: Ctx, q: AssessmentQuery): Promise<Page<AssessmentSummary>> {
  const r = await repo.searchAssessments(ctx.deps.db, readerOf(ctx), q);
  return { items: r.rows.map(presentSummary), total: r.total, page: r.page, pageSize: r.pageSize };
}

/** The row and its rubric for a step; an assessment the caller cannot read does not exist for them. */
export async function loadForStep(tx: Tx, ctx: Ctx, id: string) {
  if (!(await repo.findSummary(tx, readerOf(ctx), id))) throw notFound('assessment');
  // Two steps sent at once decide one after the other.
  await lockRows(tx, 'assessment', ctx.tenantId, [id]);
  const row = (await repo.findAssessment(tx, ctx.tenantId, id))!;
  const rubric = (await repo.findRubric(tx, ctx.tenantId, row.rubric_id))!;
  return { row, def: JSON.parse(rubric.definition) as RubricDefinition };
}

export async function getAssessment(ctx: Ctx, id: string): Promise<Assessment> {
  const db = ctx.deps.db;
  const summary = await repo.findSummary(db, readerOf(ctx), id);
  if (!summary) throw notFound('assessment');
  const row = (await repo.findAssessment(db, ctx.tenantId, id))!;
  const [rubric, sheets, events, attachments, settings, actions] = await Promise.all([
    repo.findRubric(db, ctx.tenantId, row.rubric_id),
    repo.sheetsOf(db, ctx.tenantId, id),
    repo.eventsOf(db, ctx.tenantId, id),
    attachmentsOf(db, ctx, ATTACHMENT_OWNER, id),
    loadSettings(db, ctx.tenantId),
    allowedActions(db, ctx, row),
  ]);
  const def = JSON.parse(rubric!.definition) as RubricDefinition;
  const feeds = parseFeeds(row.feeds);
  const parsed = sheets.map((s) => ({ ...s, sheet: JSON.parse(s.data) as Sheet }));
  const memberIds = [...new Set(parsed.flatMap((s) => s.sheet.items.flatMap((i) => (i.members ?? []).map((m) => m.personId))))];
  const names = new Map((await repo.peopleByIds(db, ctx.tenantId, memberIds)).map((p) => [p.id, p.name]));
  const evidence = new Map(attachments.map((a) => [a.id, a]));
  const rules = settings['system.assessment.gradeRules'];
  const stage = (s: 'self' | 'review') => {
    const found = parsed.find((p) => p.stage === s);
    if (!found) return { view: null, score: null };
    return {
      view: presentSheet(found.sheet, { by: found.saved_by_name ?? null, at: found.saved_at }, names, evidence),
      score: scoreAssessment(def, { ...found.sheet, feeds }, rules),
    };
  };
  const self = stage('self');
  const review = stage('review');
  const approverName = row.approved_by ? ((await repo.userName(db, ctx.tenantId, row.approved_by))?.display_name ?? null) : null;
  return {
    ...presentSummary(summary),
    definition: def,
    feeds,
    feedsAt: row.feeds_at,
    self: self.view,
    review: review.view,
    selfScore: self.score,
    reviewScore: review.score,
    approval:
      row.status === 'approved'
        ? { grade: row.grade!, computedGrade: row.computed_grade!, total: fromCenti(row.final_total_centi!), note: row.approval_note, by: approverName, at: row.approved_at! }
        : null,
    timeline: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, actorName: e.actor_name ?? null, note: e.note })),
    actions,
  };
}

/**
 * Opens one assessment per new subject under a published rubric (subjects already assessed under it are
 * left alone), each with its feeds read now. Every subject must lie in the caller's assessment:manage scope.
 */
export async function launchAssessments(ctx: Ctx, rubricId: string, input: LaunchAssessments): Promise<AssessmentList> {
  const db = ctx.deps.db;
  const rubric = await repo.findRubric(db, ctx.tenantId, rubricId);
  if (!rubric) throw notFound('rubric');
  if (rubric.status !== 'published') throw new AppError('STATE_INVALID', { state: rubric.status });
  const unit = rubric.subject_kind === 'unit';
  const ids = (unit ? input.orgIds : input.personIds) ?? [];
  if ((unit ? input.personIds : input.orgIds)?.length) throw new AppError('VALIDATION_FAILED', { field: unit ? 'personIds' : 'orgIds' });
  if (!ids.length) throw new AppError('VALIDATION_FAILED', { field: unit ? 'orgIds' : 'personIds' });
  const subjects = unit
    ? (await repo.orgsByIds(db, ctx.tenantId, ids)).map((o) => ({ key: o.id, orgId: o.id, personId: null }))
    : (await repo.leadersByPersons(db, ctx.tenantId, ids)).map((p) => ({ key: p.id, orgId: p.primary_org_id, personId: p.id }));
  if (subjects.length !== ids.length) throw new AppError('VALIDATION_FAILED', { field: unit ? 'orgIds' : 'personIds' });
  const scope = scopeOf(ctx.actor, 'assessment:manage');
  for (const s of subjects) if (!(await orgInScope(db, ctx.tenantId, scope, s.orgId))) throw new AppError('FORBIDDEN');

  const def = JSON.parse(rubric.definition) as RubricDefinition;
  const existing = await repo.existingSubjects(db, ctx.tenantId, rubricId);
  const fresh = subjects.filter((s) => !existing.has(s.key));
  const at = nowIso(ctx.deps.clock);
  const actor = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const rows: repo.AssessmentRow[] = [];
  for (const s of fresh) {
    const subject = { subject_kind: rubric.subject_kind, org_id: s.orgId, person_id: s.personId };
    rows.push({
      tenant_id: ctx.tenantId, id: newId(), rubric_id: rubricId, year: rubric.year, subject_kind: rubric.subject_kind, subject_key: s.key, org_id: s.orgId,
      person_id: s.personId, status: 'self', self_total_centi: null, review_total_centi: null, final_total_centi: null, grade: null, computed_grade: null,
      approval_note: '', approved_by: null, approved_at: null, feeds: JSON.stringify(await evaluateFeeds(ctx, def, feedSubject(subject), rubric.year)),
      feeds_at: at, created_by: actor, created_at: at, updated_at: at,
    });
  }
  await transact(ctx, async (tx) => {
    await repo.insertAssessments(tx, rows);
    for (const r of rows) await repo.insertEvent(tx, { tenant_id: ctx.tenantId, id: newId(), assessment_id: r.id, at, actor_id: actor, kind: 'launched', note: '' });
    await writeAudit(tx, ctx, { action: 'assessment.launch', objectType: 'assessment_rubric', objectId: rubricId, details: { created: rows.length, skipped: subjects.length - rows.length } });
  });
  return { items: (await repo.summariesByIds(db, readerOf(ctx), rows.map((r) => r.id))).map(presentSummary) };
}
