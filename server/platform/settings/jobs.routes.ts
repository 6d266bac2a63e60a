import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { JobPage, JobQuery } from '../../../contracts/system.js';
import * as svc from './jobs.service.js';

const tags = ['system'];

export const jobsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'job:read' }, schema: { tags, querystring: JobQuery, response: { 200: JobPage } } }, async (req) =>
    svc.listJobs(req.ctx, req.query),
  );
};
