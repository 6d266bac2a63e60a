import type { Db, Tx } from '../context.js';
import type { NotificationTable } from './notify.tables.js';

export type NotificationRow = NotificationTable;

const INSERT_BATCH = 500;

export async function insertNotifications(tx: Tx, rows: NotificationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insertInto('notification').values(rows.slice(i, i + INSERT_BATCH)).execute();
}

const own = (db: Db | Tx, tenantId: string, userId: string) =>
  db.selectFrom('notification').where('tenant_id', '=', tenantId).where('user_id', '=', userId);

export async function listOwnNotifications(db: Db, tenantId: string, userId: string, q: { unreadOnly: boolean; offset: number; limit: number }) {
  const base = q.unreadOnly ? own(db, tenantId, userId).where('read_at', 'is', null) : own(db, tenantId, userId);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(q.offset).limit(q.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countUnread(db: Db | Tx, tenantId: string, userId: string): Promise<number> {
  const r = await own(db, tenantId, userId).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findOwnNotification(db: Db | Tx, tenantId: string, userId: string, id: string) {
  return own(db, tenantId, userId).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markRead(tx: Tx, tenantId: string, userId: string, ids: string[] | 'all', at: string): Promise<number> {
  let q = tx.updateTable('notification').set({ read_at: at }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
