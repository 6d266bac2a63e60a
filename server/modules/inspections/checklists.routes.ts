import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { Checklist, ChecklistList, CreateChecklist, UpdateChecklist } from '../../../contracts/inspections.js';
import * as svc from './checklists.service.js';

const tags = ['inspections'];

/** Reading needs one of checklist:manage, inspection:read or inspection:manage; the service checks which. */
export const checklistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, response: { 200: ChecklistList } } }, async (req) => ({ items: await svc.listChecklists(req.ctx) }));

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: Checklist } } }, async (req) => svc.getChecklist(req.ctx, req.params.id));

  app.post(
    '/',
    { config: { permission: 'checklist:manage', audit: 'checklist.create', idempotent: true }, schema: { tags, body: CreateChecklist, response: { 201: Checklist } } },
    async (req, reply) => reply.code(201).send(await svc.createChecklist(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'checklist:manage', audit: 'checklist.update' }, schema: { tags, params: IdParams, body: UpdateChecklist, response: { 200: Checklist } } },
    async (req) => svc.updateChecklist(req.ctx, req.params.id, req.body),
  );
};
