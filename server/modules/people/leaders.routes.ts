import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import { CreateLeader, LangQuery, Leader, LeaderList, UpdateLeader } from '../../../contracts/people.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import * as svc from './leaders.service.js';

const tags = ['leaders'];

export const leadersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'org:read' }, schema: { tags, response: { 200: LeaderList } } }, async (req) => ({
    items: await svc.listLeaders(req.ctx),
  }));

  app.get('/export.xlsx', { config: { permission: 'org:read' }, schema: { tags, querystring: LangQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportLeaders(req.ctx, pickLocale(req.query.lang)), 'leaders.xlsx', XLSX_MIME),
  );

  app.post(
    '/',
    { config: { permission: 'leader:manage', audit: 'leader.create', idempotent: true }, schema: { tags, body: CreateLeader, response: { 201: Leader } } },
    async (req, reply) => reply.code(201).send(await svc.createLeader(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'leader:manage', audit: 'leader.update' }, schema: { tags, params: IdParams, body: UpdateLeader, response: { 200: Leader } } },
    async (req) => svc.updateLeader(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/:id',
    { config: { permission: 'leader:manage', audit: 'leader.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteLeader(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
