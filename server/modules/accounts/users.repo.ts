import { sql } from 'kysely';
import type { UserQuery } from '../../../contracts/accounts.js';
import type { Db, Tx } from '../../platform/context.js';

export function userBaseQuery(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('user_account as u')
    .leftJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.person_id'))
    .where('u.tenant_id', '=', tenantId);
}

const columns = ['u.id', 'u.username', 'u.username_norm', 'u.display_name', 'u.person_id', 'p.name as person_name', 'u.kind', 'u.status', 'u.mfa_enrolled_at', 'u.last_login_at', 'u.created_at'] as const;

export async function searchUsers(db: Db, tenantId: string, q: UserQuery) {
  let base = userBaseQuery(db, tenantId);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    base = base.where((eb) => eb.or([eb(eb.fn('lower', ['u.username']), 'like', like), eb(eb.fn('lower', ['u.display_name']), 'like', like)]));
  }
  if (q.kind) base = base.where('u.kind', '=', q.kind);
  if (q.status) base = base.where('u.status', '=', q.status);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    base.select(columns).orderBy('u.username').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function findUser(db: Db | Tx, tenantId: string, id: string) {
  return userBaseQuery(db, tenantId).select(columns).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function rolesOfUsers(db: Db, tenantId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('role as r', (j) => j.onRef('r.tenant_id', '=', 'ra.tenant_id').onRef('r.id', '=', 'ra.role_id'))
    .select(['ra.user_id', 'r.code', 'r.name_zh', 'r.name_en'])
    .where('ra.tenant_id', '=', tenantId)
    .where('ra.user_id', 'in', userIds)
    .distinct()
    .execute();
}

export async function lockedKeys(db: Db, keys: string[], now: string): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('login_throttle').select('key').where('key', 'in', keys).where('locked_until', '>', now).execute();
  return new Set(rows.map((r) => r.key));
}

export async function updateUserRow(tx: Tx, tenantId: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await tx.updateTable('user_account').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
