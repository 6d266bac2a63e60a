import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import { CreateDictItem, DictItem, DictList, DictQuery, UpdateDictItem } from '../../../contracts/system.js';
import * as svc from './dicts.service.js';

const tags = ['system'];

/** Every signed-in user reads the code lists (forms need them); the system administrator edits them. */
export const dictsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, querystring: DictQuery, response: { 200: DictList } } }, async (req) => ({
    items: await svc.listDicts(req.ctx, req.query.dictCode),
  }));

  app.post(
    '/',
    { config: { permission: 'dict:manage', audit: 'dict.create', idempotent: true }, schema: { tags, body: CreateDictItem, response: { 201: DictItem } } },
    async (req, reply) => reply.code(201).send(await svc.createDictItem(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'dict:manage', audit: 'dict.update' }, schema: { tags, params: IdParams, body: UpdateDictItem, response: { 200: DictItem } } },
    async (req) => svc.updateDictItem(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/:id',
    { config: { permission: 'dict:manage', audit: 'dict.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteDictItem(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
