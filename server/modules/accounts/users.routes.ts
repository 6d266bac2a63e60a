import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateUser, InitialPassword, UpdateUser, User, UserPage, UserQuery } from '../../../contracts/accounts.js';
import { IdParams } from '../../../contracts/common.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import * as svc from './users.service.js';

const tags = ['users'];
const ExportQuery = Type.Object({ ...UserQuery.properties, lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) }, { additionalProperties: false });

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'user:read' }, schema: { tags, querystring: UserQuery, response: { 200: UserPage } } }, async (req) =>
    svc.listUsers(req.ctx, req.query),
  );
  app.get('/export.xlsx', { config: { permission: 'user:read' }, schema: { tags, querystring: ExportQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportUsers(req.ctx, req.query, pickLocale(req.query.lang)), 'users.xlsx', XLSX_MIME),
  );
  app.get('/:id', { config: { permission: 'user:read' }, schema: { tags, params: IdParams, response: { 200: User } } }, async (req) =>
    svc.getUser(req.ctx, req.params.id),
  );
  app.post(
    '/',
    { config: { permission: 'user:manage', audit: 'user.create', idempotent: true }, schema: { tags, body: CreateUser, response: { 201: InitialPassword } } },
    async (req, reply) => reply.code(201).send(await svc.createUser(req.ctx, req.body)),
  );
  app.patch(
    '/:id',
    { config: { permission: 'user:manage', audit: 'user.update' }, schema: { tags, params: IdParams, body: UpdateUser, response: { 200: User } } },
    async (req) => svc.updateUser(req.ctx, req.params.id, req.body),
  );
  const params = { tags, params: IdParams, response: { 200: User } };
  app.post('/:id/disable', { config: { permission: 'user:manage', audit: 'user.disable' }, schema: params }, async (req) =>
    svc.setUserStatus(req.ctx, req.params.id, 'disabled'),
  );
  app.post('/:id/enable', { config: { permission: 'user:manage', audit: 'user.enable' }, schema: params }, async (req) =>
    svc.setUserStatus(req.ctx, req.params.id, 'active'),
  );
  app.post(
    '/:id/reset-password',
    { config: { permission: 'user:manage', audit: 'user.reset_password' }, schema: { tags, params: IdParams, response: { 200: InitialPassword } } },
    async (req) => svc.resetUserPassword(req.ctx, req.params.id),
  );
  app.post('/:id/unlock', { config: { permission: 'user:manage', audit: 'user.unlock' }, schema: params }, async (req) => svc.unlockUser(req.ctx, req.params.id));
  app.post('/:id/reset-mfa', { config: { permission: 'user:manage', audit: 'user.reset_mfa' }, schema: params }, async (req) => svc.resetUserMfa(req.ctx, req.params.id));
};
