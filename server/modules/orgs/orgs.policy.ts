import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { AppError } from '../../platform/http/errors.js';

/** Managing an org needs `org:manage` reaching that org (for a new org: reaching its parent). */
export async function authorizeOrgManage(ctx: Ctx, orgId: string | null): Promise<void> {
  const scope = scopeOf(ctx.actor, 'org:manage');
  if (!scope) throw new AppError('FORBIDDEN');
  if (orgId === null ? !scope.all : !(await orgInScope(ctx.deps.db, ctx.tenantId, scope, orgId))) throw new AppError('FORBIDDEN');
}

/** Reading one org: outside the reader's scope it does not exist for them. */
export async function authorizeOrgRead(ctx: Ctx, orgId: string): Promise<void> {
  if (!(await orgInScope(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'org:read'), orgId))) throw new AppError('NOT_FOUND', { what: 'org' });
}
