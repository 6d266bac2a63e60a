import type { Static } from 'typebox';
import type { Notification, NotificationQuery } from '../../../contracts/system.js';
import type { Ctx, Tx } from '../context.js';
import { userId } from '../context.js';
import { writeAudit } from '../audit/audit.js';
import { nowIso } from '../clock/clock.js';
import { newId } from '../db/ids.js';
import { transact } from '../db/transact.js';
import { forbidden, notFound } from '../http/errors.js';
import * as repo from './notify.repo.js';

export type NotificationParams = Record<string, string | number>;

export interface NotifyInput {
  userIds: string[];
  /** What happened, as the web translates it (`digest`, `task.assigned`, ...). */
  kind: string;
  params?: NotificationParams;
  /** Where the notification leads in the admin app: a path inside it, never another site. */
  link?: string | null;
}

const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const LINK = /^\/(?![/\\])[\x21-\x7e]{0,499}$/;

export const isNotificationKind = (kind: string): boolean => KIND.test(kind) && kind.length <= 64;

export function presentNotification(r: repo.NotificationRow): Notification {
  return { id: r.id, kind: r.kind, params: JSON.parse(r.params) as NotificationParams, link: r.link, createdAt: r.created_at, readAt: r.read_at };
}

/**
 * In-app notifications for some users, written in the caller's transaction: they exist exactly when the
 * change they announce commits. A kind or link that breaks the rules is a programming error.
 */
export async function notify(tx: Tx, ctx: Ctx, input: NotifyInput): Promise<number> {
  if (!isNotificationKind(input.kind)) throw new Error(`invalid notification kind "${input.kind}"`);
  const link = input.link ?? null;
  if (link !== null && (!LINK.test(link) || link.includes('\\'))) throw new Error(`invalid notification link "${link}"`);
  const params = JSON.stringify(input.params ?? {});
  const at = nowIso(ctx.deps.clock);
  const rows = [...new Set(input.userIds)].map((user_id) => ({
    tenant_id: ctx.tenantId, id: newId(), user_id, kind: input.kind, params, link, created_at: at, read_at: null,
  }));
  await repo.insertNotifications(tx, rows);
  return rows.length;
}

function me(ctx: Ctx): string {
  const id = userId(ctx);
  if (!id) throw forbidden();
  return id;
}

export async function listNotifications(ctx: Ctx, q: Static<typeof NotificationQuery>) {
  const user = me(ctx);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [{ rows, total }, unread] = await Promise.all([
    repo.listOwnNotifications(ctx.deps.db, ctx.tenantId, user, { unreadOnly: q.unread === true, offset: (page - 1) * pageSize, limit: pageSize }),
    repo.countUnread(ctx.deps.db, ctx.tenantId, user),
  ]);
  return { items: rows.map(presentNotification), total, unread, page, pageSize };
}

export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(ctx.deps.db, ctx.tenantId, me(ctx)) };
}

/** Someone else's notification does not exist for the caller. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const user = me(ctx);
  return transact(ctx, async (tx) => {
    const row = await repo.findOwnNotification(tx, ctx.tenantId, user, id);
    if (!row) throw notFound('notification');
    const at = nowIso(ctx.deps.clock);
    await repo.markRead(tx, ctx.tenantId, user, [id], at);
    await writeAudit(tx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id });
    return presentNotification({ ...row, read_at: row.read_at ?? at });
  });
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ marked: number }> {
  const user = me(ctx);
  return transact(ctx, async (tx) => {
    const marked = await repo.markRead(tx, ctx.tenantId, user, 'all', nowIso(ctx.deps.clock));
    await writeAudit(tx, ctx, { action: 'notification.read', objectType: 'notification', details: { all: true, marked } });
    return { marked };
  });
}
