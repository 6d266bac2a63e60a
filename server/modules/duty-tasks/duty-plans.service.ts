import type { CreateDutyPlan, DutyPlan, DutyPlanQuery, DutyPlanSummary, DutyPlanTasks, UpdateDutyPlan } from '../../../contracts/duty-tasks.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { holds, readerOf } from './duty-tasks.policy.js';
import { isOverdue, percentOf, presentPlan } from './duty-tasks.present.js';
import * as repo from './duty-tasks.repo.js';
import { FULL } from './duty-tasks.rollup.js';
import { presentSummaries } from './duty-tasks.service.js';

async function present(db: Db | Tx, ctx: Ctx, plans: repo.PlanListRow[]): Promise<DutyPlan[]> {
  const f = await repo.planFigures(db, readerOf(ctx), plans.map((p) => p.id), today(ctx.deps.clock));
  const out: DutyPlan[] = [];
  for (const p of plans) {
    const manage = await holds(db, ctx, 'duty:manage', p.org_id);
    out.push(presentPlan(p, f.counts.get(p.id), f.tops.get(p.id) ?? [], manage ? ['edit', 'import', 'add_task'] : []));
  }
  return out;
}

export async function listPlans(ctx: Ctx, q: DutyPlanQuery): Promise<Page<DutyPlan>> {
  const r = await repo.searchPlans(ctx.deps.db, readerOf(ctx), q);
  return { items: await present(ctx.deps.db, ctx, r.rows), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function requireVisiblePlan(db: Db | Tx, ctx: Ctx, id: string): Promise<repo.PlanListRow> {
  const plan = await repo.findVisiblePlan(db, readerOf(ctx), id);
  if (!plan) throw notFound('duty_plan');
  return plan;
}

export async function getPlan(ctx: Ctx, id: string): Promise<DutyPlan> {
  return (await present(ctx.deps.db, ctx, [await requireVisiblePlan(ctx.deps.db, ctx, id)]))[0]!;
}

export async function createPlan(ctx: Ctx, input: CreateDutyPlan): Promise<DutyPlan> {
  if (!(await holds(ctx.deps.db, ctx, 'duty:manage', input.orgId))) throw forbidden();
  const id = newId();
  await transact(ctx, async (tx) => {
    if (!(await repo.existingOrgs(tx, ctx.tenantId, [input.orgId])).has(input.orgId)) throw notFound('org');
    const at = nowIso(ctx.deps.clock);
    await repo.insertPlan(tx, { tenant_id: ctx.tenantId, id, year: input.year, title: input.title, org_id: input.orgId, created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at, updated_at: at });
    await writeAudit(tx, ctx, { action: 'duty_plan.create', objectType: 'duty_plan', objectId: id, details: { year: input.year, orgId: input.orgId } });
  });
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: Ctx, id: string, input: UpdateDutyPlan): Promise<DutyPlan> {
  await transact(ctx, async (tx) => {
    const plan = await requireVisiblePlan(tx, ctx, id);
    if (!(await holds(tx, ctx, 'duty:manage', plan.org_id))) throw forbidden();
    await repo.updatePlan(tx, ctx.tenantId, id, { title: input.title, updated_at: nowIso(ctx.deps.clock) });
    await writeAudit(tx, ctx, { action: 'duty_plan.update', objectType: 'duty_plan', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getPlan(ctx, id);
}

export async function planTasks(ctx: Ctx, id: string): Promise<DutyPlanTasks> {
  const plan = await getPlan(ctx, id);
  const rows = await repo.planTasks(ctx.deps.db, readerOf(ctx), id);
  return { plan, items: await presentSummaries(ctx.deps.db, ctx.tenantId, rows, today(ctx.deps.clock)) };
}

/** Per responsible org, over the tasks the caller sees: each task counts once, wherever it sits in the tree. */
export async function planSummary(ctx: Ctx, id: string): Promise<DutyPlanSummary> {
  await requireVisiblePlan(ctx.deps.db, ctx, id);
  const day = today(ctx.deps.clock);
  const rows = await repo.planTasks(ctx.deps.db, readerOf(ctx), id);
  const by = new Map<string, { orgName: string; total: number; completed: number; overdue: number; bp: number }>();
  for (const r of rows) {
    const s = by.get(r.org_id) ?? { orgName: r.org_name, total: 0, completed: 0, overdue: 0, bp: 0 };
    s.total += 1;
    s.bp += Number(r.progress_bp);
    if (Number(r.progress_bp) >= FULL) s.completed += 1;
    if (isOverdue(r.due_date, day)) s.overdue += 1;
    by.set(r.org_id, s);
  }
  return {
    items: [...by].map(([orgId, s]) => ({ orgId, orgName: s.orgName, total: s.total, completed: s.completed, overdue: s.overdue, progress: percentOf(Math.round(s.bp / s.total)) })),
  };
}
