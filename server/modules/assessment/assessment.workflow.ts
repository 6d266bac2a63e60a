import { grades, type Approve, type Assessment, type AssessmentAction, type FeedValue, type Grade, type ReturnAssessment, type RubricDefinition, type Sheet } from '../../../contracts/assessment.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { attachmentsOf, claimAttachments } from '../../platform/storage/attachments.service.js';
import { checkSheet } from './assessment.check.js';
import { evaluateFeeds, feedSubject } from './assessment.feed-values.js';
import { authorizeAction } from './assessment.policy.js';
import { parseFeeds } from './assessment.present.js';
import { scoreAssessment, toCenti } from './assessment.score.js';
import { ATTACHMENT_OWNER, getAssessment, loadForStep, readerOf } from './assessment.service.js';
import * as repo from './assessment.repo.js';

type Loaded = Awaited<ReturnType<typeof loadForStep>>;

interface StepResult {
  patch?: Partial<repo.AssessmentRow>;
  event: { kind: string; note?: string };
  details?: Record<string, unknown>;
}

/**
 * Every workflow step goes through here: lock and load the assessment, authorize the action for its
 * state, change it, write its timeline entry and one audit event, all in one transaction.
 */
async function step(ctx: Ctx, id: string, action: AssessmentAction, change: (tx: Tx, loaded: Loaded) => Promise<StepResult>): Promise<Assessment> {
  await transact(ctx, async (tx) => {
    const loaded = await loadForStep(tx, ctx, id);
    await authorizeAction(tx, ctx, loaded.row, action);
    const r = await change(tx, loaded);
    const at = nowIso(ctx.deps.clock);
    const actor = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await repo.updateAssessment(tx, ctx.tenantId, id, { ...r.patch, updated_at: at });
    await repo.insertEvent(tx, { tenant_id: ctx.tenantId, id: newId(), assessment_id: id, at, actor_id: actor, kind: r.event.kind, note: r.event.note ?? '' });
    await writeAudit(tx, ctx, { action: `assessment.${action}`, objectType: 'assessment', objectId: id, details: r.details ?? {} });
  });
  return getAssessment(ctx, id);
}

async function sheetOf(tx: Tx, ctx: Ctx, id: string, stage: 'self' | 'review'): Promise<Sheet | null> {
  const found = (await repo.sheetsOf(tx, ctx.tenantId, id)).find((s) => s.stage === stage);
  return found ? (JSON.parse(found.data) as Sheet) : null;
}

async function totalCenti(tx: Tx, ctx: Ctx, def: RubricDefinition, sheet: Sheet, feeds: FeedValue[]): Promise<number> {
  const rules = (await loadSettings(tx, ctx.tenantId))['system.assessment.gradeRules'];
  return toCenti(scoreAssessment(def, { ...sheet, feeds }, rules).total);
}

/** Saves the 自评 or 初评 sheet: checked against the rubric, new evidence claimed, the stage's total recomputed. */
export function saveSheet(ctx: Ctx, id: string, stage: 'self' | 'review', sheet: Sheet): Promise<Assessment> {
  return step(ctx, id, stage === 'self' ? 'save_self' : 'save_review', async (tx, { row, def }) => {
    const members = checkSheet(def, sheet);
    if ((await repo.peopleByIds(tx, ctx.tenantId, members)).length !== members.length) throw new AppError('VALIDATION_FAILED', { field: 'members' });
    const owned = new Set((await attachmentsOf(tx, ctx, ATTACHMENT_OWNER, id)).map((a) => a.id));
    const wanted = [...new Set(sheet.items.flatMap((i) => i.attachmentIds ?? []))];
    await claimAttachments(tx, ctx, wanted.filter((a) => !owned.has(a)), ATTACHMENT_OWNER, id);
    await repo.saveSheet(tx, {
      tenant_id: ctx.tenantId, id: newId(), assessment_id: id, stage, data: JSON.stringify(sheet), locked: 0,
      saved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, saved_at: nowIso(ctx.deps.clock),
    });
    const total = await totalCenti(tx, ctx, def, sheet, parseFeeds(row.feeds));
    return {
      patch: stage === 'self' ? { self_total_centi: total } : { review_total_centi: total },
      event: { kind: `${stage}_saved` },
      details: { items: sheet.items.length, evidence: wanted.length },
    };
  });
}

/** 自评 done: the 考核小组 starts from the unit's own figures unless it has already begun its sheet. */
export function submitSelf(ctx: Ctx, id: string): Promise<Assessment> {
  return step(ctx, id, 'submit_self', async (tx, { row, def }) => {
    const self = await sheetOf(tx, ctx, id, 'self');
    if (!self) throw new AppError('VALIDATION_FAILED', { field: 'self' });
    const patch: Partial<repo.AssessmentRow> = { status: 'review' };
    if (!(await sheetOf(tx, ctx, id, 'review'))) {
      await repo.saveSheet(tx, { tenant_id: ctx.tenantId, id: newId(), assessment_id: id, stage: 'review', data: JSON.stringify(self), locked: 0, saved_by: null, saved_at: nowIso(ctx.deps.clock) });
      patch.review_total_centi = await totalCenti(tx, ctx, def, self, parseFeeds(row.feeds));
    }
    return { patch, event: { kind: 'self_submitted' } };
  });
}

export function submitReview(ctx: Ctx, id: string): Promise<Assessment> {
  return step(ctx, id, 'submit_review', async (tx) => {
    if (!(await sheetOf(tx, ctx, id, 'review'))) throw new AppError('VALIDATION_FAILED', { field: 'review' });
    return { patch: { status: 'grading' }, event: { kind: 'review_submitted' } };
  });
}

const rank = (g: Grade) => grades.indexOf(g);

/**
 * 定等次 from the 初评 sheet and the feeds as last read. The 党组织 may set a lower grade than the
 * thresholds give, with a reason, never a higher one. Afterwards the assessment and its sheets are frozen.
 */
export function approveAssessment(ctx: Ctx, id: string, input: Approve): Promise<Assessment> {
  return step(ctx, id, 'approve', async (tx, { row, def }) => {
    const review = (await sheetOf(tx, ctx, id, 'review'))!;
    const rules = (await loadSettings(tx, ctx.tenantId))['system.assessment.gradeRules'];
    const score = scoreAssessment(def, { ...review, feeds: parseFeeds(row.feeds) }, rules);
    const grade = input.grade ?? score.grade;
    if (rank(grade) < rank(score.grade)) throw new AppError('VALIDATION_FAILED', { field: 'grade' });
    const note = input.note?.trim() ?? '';
    if (grade !== score.grade && !note) throw new AppError('VALIDATION_FAILED', { field: 'note' });
    await repo.lockSheets(tx, ctx.tenantId, id);
    return {
      patch: {
        status: 'approved', final_total_centi: toCenti(score.total), review_total_centi: toCenti(score.total), grade, computed_grade: score.grade,
        approval_note: note, approved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, approved_at: nowIso(ctx.deps.clock),
      },
      event: { kind: 'approved', note },
      details: { grade, computedGrade: score.grade },
    };
  });
}

/** Sends the assessment one stage back: 初评 → 自评 (the 考核小组), 定等次 → 初评 (the 党组织). */
export function returnAssessment(ctx: Ctx, id: string, input: ReturnAssessment): Promise<Assessment> {
  return step(ctx, id, 'return', async (_tx, { row }) => {
    const to = row.status === 'grading' ? 'review' : 'self';
    return { patch: { status: to }, event: { kind: 'returned', note: input.note }, details: { from: row.status, to } };
  });
}

/** Reads the feeds again (outside the transaction, as feeds must) and recomputes both stages' totals. */
export async function refreshFeeds(ctx: Ctx, id: string): Promise<Assessment> {
  const current = await repo.findAssessment(ctx.deps.db, ctx.tenantId, id);
  if (!current || !(await repo.findSummary(ctx.deps.db, readerOf(ctx), id))) throw notFound('assessment');
  const rubric = (await repo.findRubric(ctx.deps.db, ctx.tenantId, current.rubric_id))!;
  const feeds = await evaluateFeeds(ctx, JSON.parse(rubric.definition) as RubricDefinition, feedSubject(current), current.year);
  return step(ctx, id, 'refresh_feeds', async (tx, { def }) => {
    const self = await sheetOf(tx, ctx, id, 'self');
    const review = await sheetOf(tx, ctx, id, 'review');
    return {
      patch: {
        feeds: JSON.stringify(feeds),
        feeds_at: nowIso(ctx.deps.clock),
        self_total_centi: self ? await totalCenti(tx, ctx, def, self, feeds) : null,
        review_total_centi: review ? await totalCenti(tx, ctx, def, review, feeds) : null,
      },
      event: { kind: 'feeds_refreshed' },
      details: { occurrences: feeds.reduce((s, f) => s + f.occurrences, 0) },
    };
  });
}
