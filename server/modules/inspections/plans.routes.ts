import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { CreatePlan, CreateRecord, InspectionPlan, InspectionRecord, PlanPage, PlanQuery, RecordList, UpdatePlan } from '../../../contracts/inspections.js';
import * as plans from './plans.service.js';
import * as records from './records.service.js';

const tags = ['inspections'];

/**
 * Reading and recording take no fixed permission: inspection:read holders see plans in their scope and
 * inspectors see the plans they are sent on; the services decide, and answer 404 for what is not theirs.
 */
export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, querystring: PlanQuery, response: { 200: PlanPage } } }, async (req) => plans.listPlans(req.ctx, req.query));

  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: InspectionPlan } } }, async (req) => plans.getPlan(req.ctx, req.params.id));

  app.post(
    '/',
    { config: { permission: 'inspection:manage', audit: 'inspection_plan.create', idempotent: true }, schema: { tags, body: CreatePlan, response: { 201: InspectionPlan } } },
    async (req, reply) => reply.code(201).send(await plans.createPlan(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'inspection:manage', audit: 'inspection_plan.update' }, schema: { tags, params: IdParams, body: UpdatePlan, response: { 200: InspectionPlan } } },
    async (req) => plans.updatePlan(req.ctx, req.params.id, req.body),
  );

  app.get('/:id/records', { schema: { tags, params: IdParams, response: { 200: RecordList } } }, async (req) => ({ items: await records.listRecords(req.ctx, req.params.id) }));

  app.post(
    '/:id/records',
    { config: { audit: 'inspection_record.create', idempotent: true }, schema: { tags, params: IdParams, body: CreateRecord, response: { 201: InspectionRecord } } },
    async (req, reply) => reply.code(201).send(await records.createRecord(req.ctx, req.params.id, req.body)),
  );
};
