import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/context.js';

export async function listRolesWithCounts(db: Db, tenantId: string) {
  const roles = await db
    .selectFrom('role as r')
    .leftJoin('role_assignment as ra', (j) => j.onRef('ra.tenant_id', '=', 'r.tenant_id').onRef('ra.role_id', '=', 'r.id'))
    .select(['r.id', 'r.code', 'r.name_zh', 'r.name_en', 'r.kind', 'r.builtin', 'r.description', sql<number>`count(ra.id)`.as('assignments')])
    .where('r.tenant_id', '=', tenantId)
    .groupBy(['r.id', 'r.code', 'r.name_zh', 'r.name_en', 'r.kind', 'r.builtin', 'r.description'])
    .orderBy('r.builtin', 'desc')
    .orderBy('r.code')
    .execute();
  const perms = await db.selectFrom('role_permission').select(['role_id', 'permission_code']).where('tenant_id', '=', tenantId).execute();
  return { roles, perms };
}

export function findRole(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('role').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function replacePermissions(tx: Tx, tenantId: string, role: { id: string; kind: string }, rows: { code: string; kind: string }[]): Promise<void> {
  await tx.deleteFrom('role_permission').where('tenant_id', '=', tenantId).where('role_id', '=', role.id).execute();
  if (!rows.length) return;
  await tx
    .insertInto('role_permission')
    .values(rows.map((p) => ({ tenant_id: tenantId, role_id: role.id, role_kind: role.kind as never, permission_code: p.code, permission_kind: p.kind as never })))
    .execute();
}

export async function holdersOf(db: Db | Tx, tenantId: string, roleId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_assignment').select('user_id').where('tenant_id', '=', tenantId).where('role_id', '=', roleId).distinct().execute();
  return rows.map((r) => r.user_id);
}
