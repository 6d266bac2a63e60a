import { sql } from 'kysely';
import type { AssignmentQuery } from '../../../contracts/accounts.js';
import type { Db, Tx } from '../../platform/context.js';

function base(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'ra.tenant_id').onRef('u.id', '=', 'ra.user_id'))
    .innerJoin('role as r', (j) => j.onRef('r.tenant_id', '=', 'ra.tenant_id').onRef('r.id', '=', 'ra.role_id'))
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'ra.tenant_id').onRef('o.id', '=', 'ra.scope_org_id'))
    .where('ra.tenant_id', '=', tenantId);
}

const columns = [
  'ra.id', 'ra.user_id', 'u.username', 'u.display_name', 'ra.role_id', 'r.code as role_code', 'r.name_zh as role_name_zh',
  'r.name_en as role_name_en', 'ra.scope_kind', 'ra.scope_org_id', 'o.name as scope_org_name', 'ra.created_at',
] as const;

export async function searchAssignments(db: Db, tenantId: string, q: AssignmentQuery) {
  let b = base(db, tenantId);
  if (q.userId) b = b.where('ra.user_id', '=', q.userId);
  if (q.roleId) b = b.where('ra.role_id', '=', q.roleId);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['u.username']), 'like', like), eb(eb.fn('lower', ['u.display_name']), 'like', like)]));
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    b.select(columns).orderBy('u.username').orderBy('r.code').limit(pageSize).offset((page - 1) * pageSize).execute(),
    b.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function findAssignment(db: Db | Tx, tenantId: string, id: string) {
  return base(db, tenantId).select(columns).where('ra.id', '=', id).executeTakeFirst();
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;
