import type { CreateRole, Role, UpdateRole } from '../../../contracts/accounts.js';
import { Permissions, type Permission, type RoleKind } from '../../../contracts/permissions.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { revokeUserSessions } from '../../platform/auth/session.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isCheckViolation, isUniqueViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import * as repo from './roles.repo.js';

export async function listRoles(ctx: Ctx): Promise<Role[]> {
  const { roles, perms } = await repo.listRolesWithCounts(ctx.deps.db, ctx.tenantId);
  return roles.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind,
    builtin: r.builtin === 1,
    description: r.description,
    permissions: perms.filter((p) => p.role_id === r.id).map((p) => p.permission_code as Permission).sort(),
    assignments: Number(r.assignments),
  }));
}

/** 三员分立: a role only takes permissions of its own kind or common ones (the database checks it again). */
function checkPairing(kind: RoleKind, permissions: Permission[]): { code: Permission; kind: string }[] {
  return permissions.map((code) => {
    const pk = Permissions[code];
    if (pk !== 'common' && pk !== kind) throw new AppError('ADMIN_PERMISSION_CONFLICT', { permission: code });
    return { code, kind: pk };
  });
}

async function revokeHolders(tx: Tx, ctx: Ctx, roleId: string): Promise<number> {
  const holders = await repo.holdersOf(tx, ctx.tenantId, roleId);
  for (const u of holders) await revokeUserSessions(tx, ctx.tenantId, u);
  return holders.length;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'code' });
    if (isCheckViolation(e)) throw new AppError('ADMIN_PERMISSION_CONFLICT');
    throw e;
  }
}

/** Custom roles are business roles: the three administrator roles are built in and cannot be multiplied. */
export async function createRole(ctx: Ctx, input: CreateRole): Promise<Role> {
  const pairs = checkPairing('business', input.permissions);
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  await guarded(() =>
    transact(ctx, async (tx) => {
      await tx
        .insertInto('role')
        .values({ tenant_id: ctx.tenantId, id, code: input.code, name_zh: input.nameZh, name_en: input.nameEn, kind: 'business', builtin: 0, description: input.description ?? '', created_at: at, updated_at: at })
        .execute();
      await repo.replacePermissions(tx, ctx.tenantId, { id, kind: 'business' }, pairs);
      await writeAudit(tx, ctx, { action: 'role.create', objectType: 'role', objectId: id, details: { code: input.code, permissions: input.permissions } });
    }),
  );
  return (await listRoles(ctx)).find((r) => r.id === id)!;
}

/** Changing what a role may do ends the sessions of everyone holding it, so no one keeps stale rights. */
export async function updateRole(ctx: Ctx, id: string, input: UpdateRole): Promise<Role> {
  await guarded(() =>
    transact(ctx, async (tx) => {
      const role = await repo.findRole(tx, ctx.tenantId, id);
      if (!role) throw notFound('role');
      await tx
        .updateTable('role')
        .set({
          ...(input.nameZh !== undefined && { name_zh: input.nameZh }),
          ...(input.nameEn !== undefined && { name_en: input.nameEn }),
          ...(input.description !== undefined && { description: input.description }),
          updated_at: nowIso(ctx.deps.clock),
        })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', id)
        .execute();
      let revoked = 0;
      if (input.permissions) {
        await repo.replacePermissions(tx, ctx.tenantId, role, checkPairing(role.kind, input.permissions));
        revoked = await revokeHolders(tx, ctx, id);
      }
      await writeAudit(tx, ctx, { action: 'role.update', objectType: 'role', objectId: id, details: { fields: Object.keys(input), permissions: input.permissions ?? null, revoked } });
    }),
  );
  return (await listRoles(ctx)).find((r) => r.id === id)!;
}

export async function deleteRole(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const role = await repo.findRole(tx, ctx.tenantId, id);
    if (!role) throw notFound('role');
    if (role.builtin) throw new AppError('CONFLICT', { reason: 'builtin' });
    if ((await repo.holdersOf(tx, ctx.tenantId, id)).length) throw new AppError('CONFLICT', { reason: 'assigned' });
    await tx.deleteFrom('role').where('tenant_id', '=', ctx.tenantId).where('id', '=', id).execute();
    await writeAudit(tx, ctx, { action: 'role.delete', objectType: 'role', objectId: id, details: { code: role.code } });
  });
}
