import type { AddFinding, CreateRecord, FindingToRectification, InspectionRecord, RecordSummary, SaveResults, recordActions } from '../../../contracts/inspections.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, conflict, invalidState, notFound } from '../../platform/http/errors.js';
import { attachmentsOf, claimAttachments } from '../../platform/storage/attachments.service.js';
import { addRectification, rectificationsBySource } from '../rectification/rectification.service.js';
import { activeItems, findItem } from './checklists.repo.js';
import { mayRecord, mayRectify, readerOf } from './inspections.policy.js';
import { findPlan, findVisiblePlan, isTarget } from './plans.repo.js';
import * as repo from './records.repo.js';

/** Photos hang on the answer to one checklist item, so each item shows its own evidence. */
export const PHOTO_OWNER = 'inspection_result';

type RecordAction = (typeof recordActions)[number];
const ref = (r: { id: string; name: string }) => ({ id: r.id, name: r.name });

async function actionsOn(db: Db | Tx, ctx: Ctx, rec: repo.RecordView): Promise<RecordAction[]> {
  const out: RecordAction[] = [];
  if (rec.status === 'draft' && (await mayRecord(db, ctx, { orgId: rec.org_id, planId: rec.plan_id, recordId: rec.id }))) out.push('record', 'add_finding');
  if (await mayRectify(db, ctx, rec.org_id)) out.push('rectify');
  return out;
}

/**
 * A draft shows the checklist as it is now, plus retired items already answered; a submitted record shows
 * exactly what was answered, with the text it was answered against.
 */
async function lines(db: Db | Tx, ctx: Ctx, rec: repo.RecordView): Promise<InspectionRecord['results']> {
  const results = await repo.resultsOf(db, ctx.tenantId, rec.id);
  const byItem = new Map(results.map((r) => [r.checklist_item_id, r]));
  const current = rec.status === 'draft' ? await activeItems(db, ctx.tenantId, [rec.checklist_id]) : [];
  const items = [
    ...current.map((i) => ({ id: i.id, seq: i.seq, text: i.text, retired: 0 })),
    ...results.filter((r) => !current.some((i) => i.id === r.checklist_item_id)).map((r) => ({ id: r.checklist_item_id, seq: r.seq, text: r.text, retired: r.retired })),
  ].sort((a, b) => a.retired - b.retired || a.seq - b.seq);
  return Promise.all(
    items.map(async (i) => {
      const r = byItem.get(i.id);
      const photos = r ? await attachmentsOf(db, ctx, PHOTO_OWNER, r.id) : [];
      return { itemId: i.id, seq: i.seq, text: i.text, result: r?.result ?? null, note: r?.note ?? '', photos: photos.map((p) => ({ id: p.id, name: p.name, mime: p.mime, size: p.size })) };
    }),
  );
}

async function findings(db: Db | Tx, ctx: Ctx, recordId: string): Promise<InspectionRecord['findings']> {
  return Promise.all(
    (await repo.findingsOf(db, ctx.tenantId, recordId)).map(async (f) => {
      const item = f.rectification_id ? (await rectificationsBySource(ctx, 'inspection_finding', f.id)).find((x) => x.id === f.rectification_id) : undefined;
      return {
        id: f.id, description: f.description, itemId: f.checklist_item_id, rectificationId: f.rectification_id, rectificationCode: item?.code ?? null,
        rectificationStatus: item?.status ?? null, rectificationOverdue: item?.overdue ?? false, createdAt: f.created_at,
      };
    }),
  );
}

async function presentRecord(db: Db | Tx, ctx: Ctx, id: string): Promise<InspectionRecord> {
  const rec = await repo.findRecord(db, ctx.tenantId, id);
  if (!rec) throw notFound('inspection_record');
  const [inspectors, results, found, actions] = await Promise.all([
    repo.inspectorsOf(db, ctx.tenantId, [id]), lines(db, ctx, rec), findings(db, ctx, id), actionsOn(db, ctx, rec),
  ]);
  return {
    id: rec.id, planId: rec.plan_id, planTitle: rec.plan_title, org: { id: rec.org_id, name: rec.org_name }, inspectedOn: rec.inspected_on,
    unannounced: rec.unannounced === 1, inspectors: inspectors.map(ref), summary: rec.summary, status: rec.status, results, findings: found, actions, createdAt: rec.created_at,
  };
}

export async function getRecord(ctx: Ctx, id: string): Promise<InspectionRecord> {
  if (!(await repo.isVisible(ctx.deps.db, readerOf(ctx), id))) throw notFound('inspection_record');
  return presentRecord(ctx.deps.db, ctx, id);
}

export async function listRecords(ctx: Ctx, planId: string): Promise<RecordSummary[]> {
  const reader = readerOf(ctx);
  if (!(await findVisiblePlan(ctx.deps.db, reader, planId))) throw notFound('inspection_plan');
  const rows = await repo.visibleRecordsOfPlan(ctx.deps.db, reader, planId);
  const ids = rows.map((r) => r.id);
  const [inspectors, counts] = await Promise.all([repo.inspectorsOf(ctx.deps.db, ctx.tenantId, ids), repo.countsOf(ctx.deps.db, ctx.tenantId, ids)]);
  const count = (id: string, result: string) => Number(counts.results.find((c) => c.record_id === id && c.result === result)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id, planId: r.plan_id, org: { id: r.org_id, name: r.org_name }, inspectedOn: r.inspected_on, unannounced: r.unannounced === 1,
    inspectors: inspectors.filter((i) => i.record_id === r.id).map(ref), status: r.status,
    counts: { pass: count(r.id, 'pass'), fail: count(r.id, 'fail'), na: count(r.id, 'na'), findings: Number(counts.findings.find((c) => c.record_id === r.id)?.n ?? 0) },
    createdAt: r.created_at,
  }));
}

async function withReferences<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isForeignKeyViolation(e)) throw notFound('reference');
    throw e;
  }
}

/** A visit to one of the plan's target orgs; a 明察暗访 is recorded the same way with the unannounced flag. */
export async function createRecord(ctx: Ctx, planId: string, input: CreateRecord): Promise<InspectionRecord> {
  return withReferences(() =>
    transact(ctx, async (tx) => {
      const plan = await findPlan(tx, ctx.tenantId, planId);
      if (!plan) throw notFound('inspection_plan');
      if (!(await mayRecord(tx, ctx, { orgId: input.orgId, planId, recordId: null }))) throw new AppError('FORBIDDEN');
      if (plan.status === 'completed') throw invalidState('plan_completed');
      if (!(await isTarget(tx, ctx.tenantId, planId, input.orgId))) throw conflict('not_a_target');
      const at = nowIso(ctx.deps.clock);
      const row: repo.RecordRow = {
        tenant_id: ctx.tenantId, id: newId(), plan_id: planId, org_id: input.orgId, inspected_on: input.inspectedOn,
        unannounced: input.unannounced || plan.kind === 'unannounced_visit' ? 1 : 0, summary: input.summary ?? '', status: 'draft',
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at, updated_at: at,
      };
      await repo.insertRecord(tx, row, input.inspectorIds);
      await writeAudit(tx, ctx, { action: 'inspection_record.create', objectType: 'inspection_record', objectId: row.id, details: { planId, orgId: row.org_id, unannounced: row.unannounced } });
      return presentRecord(tx, ctx, row.id);
    }),
  );
}

/** The record as a recorder may change it: it exists, the caller may record on it, and it is still a draft. */
async function editable(tx: Tx, ctx: Ctx, id: string): Promise<repo.RecordView> {
  const rec = await repo.findRecord(tx, ctx.tenantId, id);
  if (!rec) throw notFound('inspection_record');
  if (!(await mayRecord(tx, ctx, { orgId: rec.org_id, planId: rec.plan_id, recordId: id }))) throw new AppError('FORBIDDEN');
  if (rec.status !== 'draft') throw invalidState(rec.status);
  return rec;
}

/** Saves answers (with photo drafts claimed as their evidence); `submit` closes the record once every item is answered. */
export async function saveResults(ctx: Ctx, id: string, input: SaveResults): Promise<InspectionRecord> {
  await transact(ctx, async (tx) => {
    const rec = await editable(tx, ctx, id);
    let photos = 0;
    for (const r of input.results) {
      const item = await findItem(tx, ctx.tenantId, rec.checklist_id, r.itemId);
      if (!item || item.retired === 1) throw notFound('checklist_item');
      const resultId = await repo.upsertResult(tx, { tenant_id: ctx.tenantId, id: newId(), record_id: id, checklist_item_id: r.itemId, result: r.result, note: r.note ?? '' });
      photos += (await claimAttachments(tx, ctx, r.photoIds ?? [], PHOTO_OWNER, resultId)).length;
    }
    const submitted = input.submit === true;
    if (submitted) {
      const answered = new Set((await repo.resultsOf(tx, ctx.tenantId, id)).map((r) => r.checklist_item_id));
      const missing = (await activeItems(tx, ctx.tenantId, [rec.checklist_id])).filter((i) => !answered.has(i.id)).length;
      if (missing) throw new AppError('CONFLICT', { reason: 'results_incomplete', missing });
    }
    await repo.updateRecordRow(tx, ctx.tenantId, id, {
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(submitted && { status: 'submitted' as const }),
      updated_at: nowIso(ctx.deps.clock),
    });
    await writeAudit(tx, ctx, { action: 'inspection_record.save_results', objectType: 'inspection_record', objectId: id, details: { results: input.results.length, photos, submitted } });
  });
  return presentRecord(ctx.deps.db, ctx, id);
}

export async function addFinding(ctx: Ctx, id: string, input: AddFinding): Promise<InspectionRecord> {
  await transact(ctx, async (tx) => {
    const rec = await editable(tx, ctx, id);
    const itemId = input.itemId ?? null;
    if (itemId && !(await findItem(tx, ctx.tenantId, rec.checklist_id, itemId))) throw notFound('checklist_item');
    const row: repo.FindingRow = {
      tenant_id: ctx.tenantId, id: newId(), record_id: id, checklist_item_id: itemId, description: input.description, rectification_id: null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: nowIso(ctx.deps.clock),
    };
    await repo.insertFinding(tx, row);
    await writeAudit(tx, ctx, { action: 'inspection_finding.create', objectType: 'inspection_finding', objectId: row.id, details: { recordId: id, itemId } });
  });
  return presentRecord(ctx.deps.db, ctx, id);
}

/**
 * One action: the finding becomes a rectification item of the inspected org (the shared object every
 * source feeds), linked both ways, with one audit event. A finding turns into an item once only.
 */
export async function rectifyFinding(ctx: Ctx, id: string, findingId: string, input: FindingToRectification): Promise<InspectionRecord> {
  await transact(ctx, async (tx) => {
    const rec = await repo.findRecord(tx, ctx.tenantId, id);
    const finding = rec && (await repo.findFinding(tx, ctx.tenantId, id, findingId));
    if (!rec || !finding) throw notFound('inspection_finding');
    if (!(await mayRectify(tx, ctx, rec.org_id))) throw new AppError('FORBIDDEN');
    if (finding.rectification_id) throw conflict('already_rectified');
    const created = await addRectification(tx, ctx, {
      sourceType: 'inspection_finding', sourceId: findingId, sourceLabel: rec.plan_title, title: input.title, problem: finding.description,
      orgId: rec.org_id, leaderId: input.leaderId ?? null, ownerId: input.ownerId, days: input.days, measures: [{ description: input.measure, ownerId: input.ownerId }],
    });
    if (!(await repo.linkFinding(tx, ctx.tenantId, findingId, created.id))) throw conflict('already_rectified');
    await writeAudit(tx, ctx, { action: 'inspection_finding.rectify', objectType: 'inspection_finding', objectId: findingId, details: { recordId: id, rectificationId: created.id, code: created.code } });
  });
  return presentRecord(ctx.deps.db, ctx, id);
}

/** Photos are readable by whoever may see the record they belong to. */
export async function mayReadPhotos(ctx: Ctx, resultId: string): Promise<boolean> {
  const recordId = await repo.recordOfResult(ctx.deps.db, ctx.tenantId, resultId);
  return !!recordId && (await repo.isVisible(ctx.deps.db, readerOf(ctx), recordId));
}
