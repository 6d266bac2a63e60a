import type { FastifyInstance } from 'fastify';
import type { JobDef } from '../platform/jobs/job-def.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { authRoutes } from '../platform/auth/auth.routes.js';

/** Every business module's routes, each under its own prefix. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(orgsRoutes, { prefix: '/api/orgs' });
}

export const moduleJobs: JobDef[] = [];
