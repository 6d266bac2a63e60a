import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DualDuty, DualDutyList, DualDutyParams, DualDutyQuery } from '../../../contracts/duty-letters.js';
import { dualDuty, dualDutyList } from './dual-duty.service.js';

const tags = ['dual-duty'];

export const dualDutyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'duty:read' }, schema: { tags, querystring: DualDutyQuery, response: { 200: DualDutyList } } }, async (req) =>
    dualDutyList(req.ctx, req.query.year),
  );

  app.get('/:personId', { config: { permission: 'duty:read' }, schema: { tags, params: DualDutyParams, querystring: DualDutyQuery, response: { 200: DualDuty } } }, async (req) =>
    dualDuty(req.ctx, req.params.personId, req.query.year),
  );
};
