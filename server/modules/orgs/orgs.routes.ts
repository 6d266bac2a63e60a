import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import { CreateOrg, MoveOrg, Org, OrgList, UpdateOrg } from '../../../contracts/orgs.js';
import { sendDownload } from '../../platform/http/download.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import * as svc from './orgs.service.js';

const tags = ['orgs'];
const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])) });

export const orgsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'org:read' }, schema: { tags, response: { 200: OrgList } } }, async (req) => ({
    items: await svc.listOrgTree(req.ctx),
  }));

  app.get('/export.xlsx', { config: { permission: 'org:read' }, schema: { tags, querystring: LangQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportOrgs(req.ctx, pickLocale(req.query.lang)), 'orgs.xlsx', XLSX_MIME),
  );

  app.get('/:id', { config: { permission: 'org:read' }, schema: { tags, params: IdParams, response: { 200: Org } } }, async (req) =>
    svc.getOrg(req.ctx, req.params.id),
  );

  app.post(
    '/',
    { config: { permission: 'org:manage', audit: 'org.create', idempotent: true }, schema: { tags, body: CreateOrg, response: { 201: Org } } },
    async (req, reply) => reply.code(201).send(await svc.createOrg(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'org:manage', audit: 'org.update' }, schema: { tags, params: IdParams, body: UpdateOrg, response: { 200: Org } } },
    async (req) => svc.updateOrg(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/:id/move',
    { config: { permission: 'org:manage', audit: 'org.move' }, schema: { tags, params: IdParams, body: MoveOrg, response: { 200: Org } } },
    async (req) => svc.moveOrg(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/:id',
    { config: { permission: 'org:manage', audit: 'org.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteOrg(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
