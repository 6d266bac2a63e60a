import type { Page } from '../../../contracts/common.js';
import type { CreatePlan, InspectionPlan, PlanQuery, UpdatePlan } from '../../../contracts/inspections.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, conflict, invalidState, notFound } from '../../platform/http/errors.js';
import { findChecklist } from './checklists.repo.js';
import { authorizeOrgs, readerOf, type Reader } from './inspections.policy.js';
import * as repo from './plans.repo.js';

async function present(db: Db | Tx, tenantId: string, rows: repo.PlanListRow[]): Promise<InspectionPlan[]> {
  const ids = rows.map((r) => r.id);
  const [targets, inspectors] = await Promise.all([repo.targetsOf(db, tenantId, ids), repo.inspectorsOf(db, tenantId, ids)]);
  return rows.map((r) => ({
    id: r.id, title: r.title, kind: r.kind, subject: r.subject, checklist: { id: r.checklist_id, name: r.checklist_name },
    periodStart: r.period_start, periodEnd: r.period_end, status: r.status,
    targets: targets.filter((t) => t.plan_id === r.id).map((t) => ({ id: t.id, name: t.name })),
    inspectors: inspectors.filter((p) => p.plan_id === r.id).map((p) => ({ id: p.id, name: p.name })),
    drawId: r.draw_id, records: Number(r.records), findings: Number(r.findings), createdAt: r.created_at,
  }));
}

/** After an authorized write the plan is shown whole, whatever the writer's read scope. */
const everything = (tenantId: string): Reader => ({ tenantId, scope: { all: true, subtrees: [], orgs: [], self: false }, personId: null });

export async function presentPlanById(db: Db | Tx, tenantId: string, id: string): Promise<InspectionPlan> {
  const row = await repo.findVisiblePlan(db, everything(tenantId), id);
  if (!row) throw notFound('inspection_plan');
  return (await present(db, tenantId, [row]))[0]!;
}

export async function listPlans(ctx: Ctx, q: PlanQuery): Promise<Page<InspectionPlan>> {
  const r = await repo.searchPlans(ctx.deps.db, readerOf(ctx), q);
  return { items: await present(ctx.deps.db, ctx.tenantId, r.rows), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function getPlan(ctx: Ctx, id: string): Promise<InspectionPlan> {
  const row = await repo.findVisiblePlan(ctx.deps.db, readerOf(ctx), id);
  if (!row) throw notFound('inspection_plan');
  return (await present(ctx.deps.db, ctx.tenantId, [row]))[0]!;
}

function checkPeriod(start: string, end: string): void {
  if (end < start) throw new AppError('VALIDATION_FAILED', { field: 'periodEnd' });
}

async function withReferences<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isForeignKeyViolation(e)) throw notFound('reference');
    throw e;
  }
}

export async function createPlan(ctx: Ctx, input: CreatePlan): Promise<InspectionPlan> {
  checkPeriod(input.periodStart, input.periodEnd);
  const targets = input.targetOrgIds ?? [];
  const inspectors = input.inspectorIds ?? [];
  await authorizeOrgs(ctx.deps.db, ctx, 'inspection:manage', targets);
  const checklist = await findChecklist(ctx.deps.db, ctx.tenantId, input.checklistId);
  if (!checklist) throw notFound('checklist');
  if (checklist.enabled !== 1) throw invalidState('checklist_disabled');
  const at = nowIso(ctx.deps.clock);
  const row: repo.PlanRow = {
    tenant_id: ctx.tenantId, id: newId(), title: input.title, kind: input.kind, subject: input.subject, checklist_id: input.checklistId,
    period_start: input.periodStart, period_end: input.periodEnd, status: 'draft', draw_id: null,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at, updated_at: at,
  };
  return withReferences(() =>
    transact(ctx, async (tx) => {
      await repo.insertPlan(tx, row);
      await repo.replaceTargets(tx, ctx.tenantId, row.id, targets);
      await repo.replaceInspectors(tx, ctx.tenantId, row.id, inspectors);
      await writeAudit(tx, ctx, { action: 'inspection_plan.create', objectType: 'inspection_plan', objectId: row.id, details: { kind: row.kind, targets: targets.length, inspectors: inspectors.length } });
      return presentPlanById(tx, ctx.tenantId, row.id);
    }),
  );
}

/** A plan whose targets come from a random draw keeps them: changing them by hand would defeat the draw. */
export async function updatePlan(ctx: Ctx, id: string, input: UpdatePlan): Promise<InspectionPlan> {
  return withReferences(() =>
    transact(ctx, async (tx) => {
      const plan = await repo.findPlan(tx, ctx.tenantId, id);
      if (!plan) throw notFound('inspection_plan');
      const current = (await repo.targetsOf(tx, ctx.tenantId, [id])).map((t) => t.id);
      await authorizeOrgs(tx, ctx, 'inspection:manage', [...current, ...(input.targetOrgIds ?? [])]);
      if (plan.draw_id && (input.targetOrgIds || input.inspectorIds)) throw conflict('drawn_plan');
      checkPeriod(input.periodStart ?? plan.period_start, input.periodEnd ?? plan.period_end);
      const patch = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.subject !== undefined && { subject: input.subject }),
        ...(input.periodStart !== undefined && { period_start: input.periodStart }),
        ...(input.periodEnd !== undefined && { period_end: input.periodEnd }),
        ...(input.status !== undefined && { status: input.status }),
        updated_at: nowIso(ctx.deps.clock),
      };
      await repo.updatePlanRow(tx, ctx.tenantId, id, patch);
      if (input.targetOrgIds) await repo.replaceTargets(tx, ctx.tenantId, id, input.targetOrgIds);
      if (input.inspectorIds) await repo.replaceInspectors(tx, ctx.tenantId, id, input.inspectorIds);
      await writeAudit(tx, ctx, { action: 'inspection_plan.update', objectType: 'inspection_plan', objectId: id, details: { fields: Object.keys(input) } });
      return presentPlanById(tx, ctx.tenantId, id);
    }),
  );
}
