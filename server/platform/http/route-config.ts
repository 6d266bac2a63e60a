import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx } from '../context.js';

/**
 * How a route is guarded, declared beside its schema:
 * - none: not tied to a tenant at all (health check).
 * - public: no session (portal, login); the actor is the tenant's public.
 * - pending: a session that may still owe MFA or a password change (to finish exactly those steps).
 * - session: a fully authenticated session (the default).
 */
export type RouteAuth = 'none' | 'public' | 'pending' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    permission?: Permission;
    /** Audit action this route writes (mutating routes must declare one; a test enforces it). */
    audit?: string;
    /** Create routes accept an Idempotency-Key. */
    idempotent?: boolean;
    /**
     * Requests per minute from one client on this route. `shared` counts in the database so every process
     * sees the same budget (staff login); `memory` keeps the count in this process only, for public routes
     * where not even a hashed address may be written down.
     */
    rateLimit?: { max: number; store: 'shared' | 'memory' };
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-qingfeng-request';
