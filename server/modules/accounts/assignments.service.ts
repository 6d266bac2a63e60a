import type { Assignment, AssignmentQuery, CreateAssignment } from '../../../contracts/accounts.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx } from '../../platform/context.js';
import { revokeUserSessions } from '../../platform/auth/session.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { findRole } from './roles.repo.js';
import * as repo from './assignments.repo.js';
import { findUser } from './users.repo.js';

function present(r: repo.AssignmentRow): Assignment {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    roleId: r.role_id,
    roleCode: r.role_code,
    roleNameZh: r.role_name_zh,
    roleNameEn: r.role_name_en,
    scopeKind: r.scope_kind,
    scopeOrgId: r.scope_org_id,
    scopeOrgName: r.scope_org_name,
    createdAt: r.created_at,
  };
}

export async function listAssignments(ctx: Ctx, q: AssignmentQuery): Promise<Page<Assignment>> {
  const r = await repo.searchAssignments(ctx.deps.db, ctx.tenantId, q);
  return { items: r.rows.map(present), total: r.total, page: r.page, pageSize: r.pageSize };
}

/**
 * Grants a role with a data scope. An account's kind must equal the role's kind (the database pins both),
 * nobody grants themselves anything, and the grantee's sessions end so the new rights apply at once.
 */
export async function assignRole(ctx: Ctx, input: CreateAssignment): Promise<Assignment> {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === input.userId) throw new AppError('CONFLICT', { reason: 'self' });
  const needsOrg = input.scopeKind === 'subtree' || input.scopeKind === 'org';
  if (needsOrg !== !!input.scopeOrgId) throw new AppError('VALIDATION_FAILED', { field: 'scopeOrgId' });
  const [user, role] = await Promise.all([findUser(ctx.deps.db, ctx.tenantId, input.userId), findRole(ctx.deps.db, ctx.tenantId, input.roleId)]);
  if (!user) throw notFound('user');
  if (!role) throw notFound('role');
  if (user.kind !== role.kind) throw new AppError('ADMIN_ROLE_CONFLICT', { accountKind: user.kind, roleKind: role.kind });
  const id = newId();
  try {
    await transact(ctx, async (tx) => {
      await tx
        .insertInto('role_assignment')
        .values({
          tenant_id: ctx.tenantId, id, user_id: input.userId, role_id: input.roleId, kind: role.kind, scope_kind: input.scopeKind,
          scope_org_id: needsOrg ? input.scopeOrgId! : null, created_at: nowIso(ctx.deps.clock), created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        })
        .execute();
      await revokeUserSessions(tx, ctx.tenantId, input.userId);
      await writeAudit(tx, ctx, { action: 'assignment.create', objectType: 'role_assignment', objectId: id, details: { userId: input.userId, role: role.code, scope: input.scopeKind, scopeOrgId: input.scopeOrgId ?? null } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'assignment' });
    if (isForeignKeyViolation(e)) throw notFound('org');
    throw e;
  }
  return present((await repo.findAssignment(ctx.deps.db, ctx.tenantId, id))!);
}

export async function revokeAssignment(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const a = await repo.findAssignment(tx, ctx.tenantId, id);
    if (!a) throw notFound('assignment');
    if (ctx.actor.kind === 'user' && ctx.actor.userId === a.user_id) throw new AppError('CONFLICT', { reason: 'self' });
    await tx.deleteFrom('role_assignment').where('tenant_id', '=', ctx.tenantId).where('id', '=', id).execute();
    await revokeUserSessions(tx, ctx.tenantId, a.user_id);
    await writeAudit(tx, ctx, { action: 'assignment.delete', objectType: 'role_assignment', objectId: id, details: { userId: a.user_id, role: a.role_code } });
  });
}
