import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../context.js';
import { AppError } from '../http/errors.js';
import { CSRF_HEADER, STATE_CHANGING } from '../http/route-config.js';
import { SESSION_COOKIE, resolveSession } from '../auth/session.js';
import { resolveTenantId } from '../tenancy/tenancy.js';
import { loadUserActor } from './actor.js';
import { sessionObligations } from '../auth/obligations.js';

/**
 * One guard for every /api route, driven by the route's declared config: who may call it is data
 * beside the route, so the access-matrix test can read it and nobody can forget the check.
 */
export function installGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('ctx', null as never);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/') || !req.routeOptions.url) return;
    const cfg = req.routeOptions.config;
    if (cfg.auth === 'none') return;
    if (STATE_CHANGING.has(req.method) && req.headers[CSRF_HEADER] !== '1') throw new AppError('CSRF_HEADER_MISSING');
    const base = { deps, requestId: req.id, idempotency: null };
    const auth = cfg.auth ?? 'session';
    if (auth === 'public') {
      const tenantId = await resolveTenantId(deps.db, req.headers.host);
      if (!tenantId) throw new AppError('UNAVAILABLE');
      req.ctx = { ...base, tenantId, actor: { kind: 'public', tenantId }, sourceIp: null };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(deps, token) : null;
    if (!session) throw new AppError('UNAUTHENTICATED');
    const loaded = await loadUserActor(deps, session);
    if (!loaded) throw new AppError('UNAUTHENTICATED');
    const { actor, account } = loaded;
    req.ctx = { ...base, tenantId: actor.tenantId, actor, sourceIp: req.ip };
    if (auth === 'session') {
      const owed = await sessionObligations(deps, actor, account, session);
      if (owed.mfa) throw new AppError('MFA_REQUIRED');
      if (owed.passwordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (cfg.permission && !actor.permissions.has(cfg.permission)) throw new AppError('FORBIDDEN');
  });
}
