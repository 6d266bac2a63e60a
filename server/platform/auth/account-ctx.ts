import type { Ctx, Deps, UserActor } from '../context.js';

/**
 * The context of an account that is signing in: enough to attribute its audit events before a full
 * session (and its grants) exists.
 */
export function accountCtx(deps: Deps, tenantId: string, user: { id: string; username: string; person_id: string | null; kind: UserActor['accountKind'] }, requestId: string, ip: string | null, sessionId = ''): Ctx {
  const actor: UserActor = {
    kind: 'user',
    tenantId,
    userId: user.id,
    username: user.username,
    personId: user.person_id,
    accountKind: user.kind,
    sessionId,
    roles: [],
    permissions: new Map(),
  };
  return { deps, actor, tenantId, requestId, sourceIp: ip, idempotency: null };
}
