import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser, World } from '../../test/world.js';
import { systemCtx } from '../context.js';
import { notify } from './notify.service.js';

/** A fresh notification for `user`, as a module's use case would write it. */
export async function notificationFor(w: World, user: FixtureUser): Promise<string> {
  await w.deps.db.transaction().execute((tx) => notify(tx, systemCtx(w.deps, w.tenantId), { userIds: [w.users[user].id], kind: 'test.case', params: { n: 1 }, link: '/todo' }));
  const row = await w.deps.db
    .selectFrom('notification')
    .select('id')
    .where('user_id', '=', w.users[user].id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const notifyCases: RouteCase[] = [
  { method: 'GET', route: '/api/notifications', allow: 'any-session', request: () => ({ url: '/api/notifications?page=1&pageSize=10&unread=true' }) },
  { method: 'GET', route: '/api/notifications/unread-count', allow: 'any-session', request: () => ({ url: '/api/notifications/unread-count' }) },
  {
    method: 'POST',
    route: '/api/notifications/:id/read',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/notifications/${await notificationFor(w, as ?? 'staff')}/read` }),
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/notifications/${await notificationFor(w, 'staff')}/read` }),
        outside: async (w) => ({ url: `/api/notifications/${await notificationFor(w, 'branchSecretary')}/read` }),
      },
    ],
  },
  { method: 'POST', route: '/api/notifications/read-all', allow: 'any-session', request: () => ({ url: '/api/notifications/read-all' }) },
];
