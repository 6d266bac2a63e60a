import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { Notification, NotificationPage, NotificationQuery, NotificationsMarked, UnreadCount } from '../../../contracts/system.js';
import * as svc from './notify.service.js';

const tags = ['notifications'];

/** Every signed-in user's own in-app notifications; nobody reads or marks anyone else's. */
export const notifyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationPage } } }, async (req) => svc.listNotifications(req.ctx, req.query));

  app.get('/unread-count', { schema: { tags, response: { 200: UnreadCount } } }, async (req) => svc.unreadCount(req.ctx));

  app.post('/read-all', { config: { audit: 'notification.read' }, schema: { tags, response: { 200: NotificationsMarked } } }, async (req) =>
    svc.markAllNotificationsRead(req.ctx),
  );

  app.post('/:id/read', { config: { audit: 'notification.read' }, schema: { tags, params: IdParams, response: { 200: Notification } } }, async (req) =>
    svc.markNotificationRead(req.ctx, req.params.id),
  );
};
