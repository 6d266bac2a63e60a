import type { FastifyPluginAsync } from 'fastify';
import { registerTenantSeed } from '../../platform/tenancy/tenant-seeds.js';
import { seedBuiltinChecklists } from './checklists.builtin.js';
import { checklistRoutes } from './checklists.routes.js';
import { drawRoutes } from './draws.routes.js';
import { planRoutes } from './plans.routes.js';
import { recordRoutes } from './records.routes.js';

registerTenantSeed(seedBuiltinChecklists);

/** Supervision inspections (监督检查): checklists, plans, records with findings, and random draws (双随机). */
export const inspectionRoutes: FastifyPluginAsync = async (app) => {
  await app.register(checklistRoutes, { prefix: '/checklists' });
  await app.register(planRoutes, { prefix: '/inspection-plans' });
  await app.register(recordRoutes, { prefix: '/inspection-records' });
  await app.register(drawRoutes, { prefix: '/inspection-draws' });
};
