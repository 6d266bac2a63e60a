import type { AssessmentAction } from '../../../contracts/assessment.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { AppError } from '../../platform/http/errors.js';
import type { AssessmentRow } from './assessment.repo.js';

type Facts = Pick<AssessmentRow, 'org_id' | 'person_id' | 'subject_kind' | 'status'>;

interface Capabilities {
  self: boolean;
  review: boolean;
  approve: boolean;
}

const holds = (db: Db | Tx, ctx: Ctx, permission: Permission, orgId: string) => orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, permission), orgId);
const me = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.personId : null);

/**
 * 自评 of a unit is done by those holding assessment:self over it, of a leader by that leader alone;
 * 初评 and 定等次 need their permission over the subject's org and a person other than the subject.
 */
async function capabilities(db: Db | Tx, ctx: Ctx, f: Facts): Promise<Capabilities> {
  const own = f.person_id !== null && f.person_id === me(ctx);
  const hasSelf = scopeOf(ctx.actor, 'assessment:self') !== null;
  return {
    self: hasSelf && (f.subject_kind === 'leader' ? own : await holds(db, ctx, 'assessment:self', f.org_id)),
    review: !own && (await holds(db, ctx, 'assessment:manage', f.org_id)),
    approve: !own && (await holds(db, ctx, 'assessment:approve', f.org_id)),
  };
}

function actionsFor(c: Capabilities, status: Facts['status']): AssessmentAction[] {
  const out: AssessmentAction[] = [];
  if (c.self && status === 'self') out.push('save_self', 'submit_self');
  if (c.review && status === 'review') out.push('save_review', 'submit_review');
  if ((c.review && status === 'review') || (c.approve && status === 'grading')) out.push('return');
  if (c.approve && status === 'grading') out.push('approve');
  if (c.review && status !== 'approved') out.push('refresh_feeds');
  return out;
}

export async function allowedActions(db: Db | Tx, ctx: Ctx, f: Facts): Promise<AssessmentAction[]> {
  return actionsFor(await capabilities(db, ctx, f), f.status);
}

/**
 * Refuses with ASSESSMENT_LOCKED once approved, FORBIDDEN when the caller could not do this in any
 * state, STATE_INVALID when only the state is wrong.
 */
export async function authorizeAction(db: Db | Tx, ctx: Ctx, f: Facts, action: AssessmentAction): Promise<void> {
  if (f.status === 'approved') throw new AppError('ASSESSMENT_LOCKED');
  const c = await capabilities(db, ctx, f);
  if (actionsFor(c, f.status).includes(action)) return;
  const statuses = ['self', 'review', 'grading'] as const;
  if (statuses.some((s) => actionsFor(c, s).includes(action))) throw new AppError('STATE_INVALID', { state: f.status });
  throw new AppError('FORBIDDEN');
}

/** Rubrics are the 考核小组's for the whole tenant. */
export function authorizeRubricManage(ctx: Ctx): void {
  if (!scopeOf(ctx.actor, 'assessment:manage')?.all) throw new AppError('FORBIDDEN');
}
