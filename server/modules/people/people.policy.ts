import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf, someOrgInScope } from '../../platform/access/scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { membershipIds } from './people.repo.js';

interface PersonRef {
  id: string;
  primary_org_id: string;
}

/**
 * Whether a permission reaches a person: through `self` for one's own record, and otherwise through the
 * person's primary org — or, with `viaMemberships`, through any org they belong to (a 党支部 reaches its
 * members, whose primary org is their administrative unit).
 */
async function reachesPerson(ctx: Ctx, permission: Permission, person: PersonRef, viaMemberships: boolean): Promise<boolean> {
  const scope = scopeOf(ctx.actor, permission);
  if (!scope) return false;
  if (scope.self && ctx.actor.kind === 'user' && ctx.actor.personId === person.id) return true;
  if (await orgInScope(ctx.deps.db, ctx.tenantId, scope, person.primary_org_id)) return true;
  if (!viaMemberships) return false;
  const orgs = await membershipIds(ctx.deps.db, ctx.tenantId, person.id);
  return someOrgInScope(ctx.deps.db, ctx.tenantId, scope, orgs.map((m) => m.org_id));
}

/** Outside the reader's scope (by any org the person belongs to, as in the list) a person does not exist for them. */
export async function authorizePersonRead(ctx: Ctx, person: PersonRef): Promise<void> {
  if (!(await reachesPerson(ctx, 'person:read', person, true))) throw notFound('person');
}

/**
 * Using what one may read of a person — revealing their numbers (audited, with a reason), naming them as a
 * post holder — reaches them, like reading, through any org they belong to; otherwise it is refused outright.
 */
export async function authorizePersonUse(ctx: Ctx, permission: Permission, person: PersonRef): Promise<void> {
  if (!(await reachesPerson(ctx, permission, person, true))) throw new AppError('FORBIDDEN');
}

/**
 * Changing a person's record or leadership entry reaches them through their primary org only: the
 * administrative unit keeps the record (numbers, status, primary org and memberships), and a 党支部 that
 * reads its members does not thereby edit, move or delete another unit's people.
 */
export async function authorizePersonWrite(ctx: Ctx, permission: Permission, person: PersonRef): Promise<void> {
  if (!(await reachesPerson(ctx, permission, person, false))) throw new AppError('FORBIDDEN');
}

/** Placing something in an org (a person, a post, a leader's oversight) needs the permission to reach it. */
export async function authorizeOrgWrite(ctx: Ctx, permission: Permission, orgId: string): Promise<void> {
  if (!(await orgInScope(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, permission), orgId))) throw new AppError('FORBIDDEN');
}
