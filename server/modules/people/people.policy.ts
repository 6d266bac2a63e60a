import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';

interface PersonRef {
  id: string;
  primary_org_id: string;
}

/** A permission reaches a person through the person's primary org, or through `self` for one's own record. */
export async function reachesPerson(ctx: Ctx, permission: Permission, person: PersonRef): Promise<boolean> {
  const scope = scopeOf(ctx.actor, permission);
  if (!scope) return false;
  if (scope.self && ctx.actor.kind === 'user' && ctx.actor.personId === person.id) return true;
  return orgInScope(ctx.deps.db, ctx.tenantId, scope, person.primary_org_id);
}

/** Outside the reader's scope a person does not exist for them. */
export async function authorizePersonRead(ctx: Ctx, person: PersonRef): Promise<void> {
  if (!(await reachesPerson(ctx, 'person:read', person))) throw notFound('person');
}

/** Acting on a person (changing, revealing, placing them in a post) outside the permission's scope is refused outright. */
export async function authorizePersonWrite(ctx: Ctx, permission: Permission, person: PersonRef): Promise<void> {
  if (!(await reachesPerson(ctx, permission, person))) throw new AppError('FORBIDDEN');
}

/** Placing something in an org (a person, a post, a leader's oversight) needs the permission to reach it. */
export async function authorizeOrgWrite(ctx: Ctx, permission: Permission, orgId: string): Promise<void> {
  if (!(await orgInScope(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, permission), orgId))) throw new AppError('FORBIDDEN');
}
