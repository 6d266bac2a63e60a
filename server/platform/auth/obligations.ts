import type { Settings } from '../../../contracts/settings.js';
import type { Deps, UserActor } from '../context.js';
import { loadUserActor, type AccountState } from '../access/actor.js';
import { AppError } from '../http/errors.js';
import { loadSettings } from '../settings/settings.js';
import { passwordExpired } from './password.js';
import { resolveSessionById, type SessionRecord } from './session.js';

/** MFA is required for every role above the exempt ones (by default: plain staff / 党员) unless the tenant turns it off. */
export function mfaRequired(settings: Settings, roles: string[], accountKind: UserActor['accountKind']): boolean {
  if (!settings['security.mfa.required']) return false;
  if (accountKind !== 'business') return true;
  const exempt = settings['security.mfa.exemptRoles'];
  return roles.some((r) => !exempt.includes(r));
}

export interface Obligations {
  mfa: 'verify' | 'enrol' | null;
  passwordChange: boolean;
}

export async function sessionObligations(deps: Deps, actor: UserActor, account: AccountState, session: SessionRecord): Promise<Obligations> {
  const settings = await loadSettings(deps.db, actor.tenantId);
  const needMfa = !session.mfaOk && (account.mfaEnrolled || mfaRequired(settings, actor.roles, actor.accountKind));
  return {
    mfa: needMfa ? (account.mfaEnrolled ? 'verify' : 'enrol') : null,
    passwordChange: account.mustChangePassword || passwordExpired(account.passwordChangedAt, deps.clock.now(), settings),
  };
}

export async function obligationsOf(deps: Deps, sessionId: string): Promise<Obligations> {
  const session = await resolveSessionById(deps, sessionId);
  const loaded = session && (await loadUserActor(deps, session));
  if (!session || !loaded) throw new AppError('UNAUTHENTICATED');
  return sessionObligations(deps, loaded.actor, loaded.account, session);
}
