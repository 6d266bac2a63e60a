import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PortalSite } from '../../../contracts/portal.js';
import { publicLogLevel } from '../../platform/http/public-log-level.js';
import * as svc from './portal.service.js';

const tags = ['portal'];

/** Anonymous routes: no session is read or set, and no client address reaches the use case. */
export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/site', { logLevel: publicLogLevel(app.deps.config.logLevel), config: { auth: 'public' }, schema: { tags, response: { 200: PortalSite } } }, async (req) => svc.describeSite(req.ctx));
};
