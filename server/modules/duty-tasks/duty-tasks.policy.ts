import type { DutyTaskAction } from '../../../contracts/duty-tasks.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import * as repo from './duty-tasks.repo.js';

export function readerOf(ctx: Ctx): repo.Reader {
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx.actor, 'duty:read'), personId: ctx.actor.kind === 'user' ? ctx.actor.personId : null };
}

const me = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor : null);

export function holds(db: Db | Tx, ctx: Ctx, permission: Permission, orgId: string): Promise<boolean> {
  return orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, permission), orgId);
}

/** Out-of-scope tasks do not exist for the caller. */
export async function requireVisibleTask(db: Db | Tx, ctx: Ctx, id: string): Promise<repo.TaskListRow> {
  const task = (await repo.isVisible(db, readerOf(ctx), id)) ? await repo.findTask(db, ctx.tenantId, id) : undefined;
  if (!task) throw notFound('duty_task');
  return task;
}

/** Assigning, editing and removing a task belong to duty:manage over the org that assigned it. */
export async function authorizeAssigner(db: Db | Tx, ctx: Ctx, assignerOrgId: string): Promise<void> {
  if (!(await holds(db, ctx, 'duty:manage', assignerOrgId))) throw forbidden();
}

/**
 * Owners report: duty:report over the task's responsible org, or (any scope, self included) being its
 * named owner or lead leader.
 */
export async function mayReport(db: Db | Tx, ctx: Ctx, task: Pick<repo.TaskRow, 'org_id' | 'owner_person_id' | 'leader_person_id'>): Promise<boolean> {
  const a = me(ctx);
  if (!a || !scopeOf(ctx.actor, 'duty:report')) return false;
  if (a.personId && (task.owner_person_id === a.personId || task.leader_person_id === a.personId)) return true;
  return holds(db, ctx, 'duty:report', task.org_id);
}

/** The assigner reviews, never the account that reported. */
export async function mayReview(db: Db | Tx, ctx: Ctx, task: Pick<repo.TaskRow, 'assigner_org_id'>, report: Pick<repo.ReportRow, 'reported_by'>): Promise<boolean> {
  const a = me(ctx);
  return !!a && report.reported_by !== a.userId && (await holds(db, ctx, 'duty:manage', task.assigner_org_id));
}

export interface TaskFacts {
  task: repo.TaskListRow;
  reportCount: number;
  pendingBy: (string | null)[];
  complete: boolean;
}

export async function actionsFor(db: Db | Tx, ctx: Ctx, f: TaskFacts): Promise<DutyTaskAction[]> {
  const out: DutyTaskAction[] = [];
  const assigner = await holds(db, ctx, 'duty:manage', f.task.assigner_org_id);
  if (assigner) out.push('edit');
  if (assigner && f.task.child_count === 0 && f.reportCount === 0) out.push('delete');
  if (f.reportCount === 0 && (await holds(db, ctx, 'duty:manage', f.task.org_id))) out.push('decompose');
  if (f.task.child_count === 0 && !f.complete && (await mayReport(db, ctx, f.task))) out.push('report');
  const a = me(ctx);
  if (assigner && a && f.pendingBy.some((by) => by !== a.userId)) out.push('review');
  return out;
}
