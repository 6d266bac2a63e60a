import type { Me } from '../../../contracts/auth.js';
import type { Ctx } from '../context.js';
import { loadUserActor } from '../access/actor.js';
import { AppError } from '../http/errors.js';
import { sessionObligations } from './obligations.js';
import { resolveSessionById } from './session.js';

export async function describeMe(ctx: Ctx): Promise<Me> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const { deps, tenantId } = ctx;
  const session = await resolveSessionById(deps, ctx.actor.sessionId);
  const loaded = session && (await loadUserActor(deps, session));
  if (!session || !loaded) throw new AppError('UNAUTHENTICATED');
  const user = await deps.db.selectFrom('user_account').select(['display_name', 'locale']).where('tenant_id', '=', tenantId).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  const tenant = await deps.db.selectFrom('tenant').select(['name', 'is_demo']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  const a = loaded.actor;
  return {
    userId: a.userId,
    username: a.username,
    displayName: user.display_name,
    personId: a.personId,
    accountKind: a.accountKind,
    roles: a.roles,
    permissions: [...a.permissions.keys()].sort(),
    locale: user.locale === 'en-US' ? 'en-US' : 'zh-CN',
    mfaEnrolled: loaded.account.mfaEnrolled,
    obligations: await sessionObligations(deps, a, loaded.account, session),
    tenant: { name: tenant.name, isDemo: tenant.is_demo === 1 },
  };
}
