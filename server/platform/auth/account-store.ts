import type { RoleKind } from '../../../contracts/permissions.js';
import type { Deps, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { isUniqueViolation } from '../db/dialect.js';
import { newId } from '../db/ids.js';
import { AppError } from '../http/errors.js';
import { hashPassword } from './password.js';
import { normalizeUsername } from './username.js';

export interface NewAccount {
  username: string;
  displayName: string;
  personId: string | null;
  kind: RoleKind;
  password: string;
  mustChangePassword: boolean;
}

/** The one way an account comes into being (set-up, administrators, CLI): hashed, normalised, unique. */
export async function insertAccount(tx: Tx, deps: Deps, tenantId: string, a: NewAccount): Promise<string> {
  const id = newId();
  const at = nowIso(deps.clock);
  const hash = await hashPassword(a.password, deps.config.passwordHashing);
  try {
    await tx
      .insertInto('user_account')
      .values({
        tenant_id: tenantId, id, username: a.username, username_norm: normalizeUsername(a.username), display_name: a.displayName,
        person_id: a.personId, kind: a.kind, password_hash: hash, password_changed_at: at, must_change_password: a.mustChangePassword ? 1 : 0,
        status: 'active', mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null, locale: 'zh-CN', last_login_at: null, created_at: at, updated_at: at,
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'username' });
    throw e;
  }
  await tx.insertInto('password_history').values({ tenant_id: tenantId, id: newId(), user_id: id, hash, created_at: at }).execute();
  return id;
}

/** Passwords that satisfy any policy up to 4 classes, shown once to the administrator. */
export function generateInitialPassword(deps: Deps): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!?'];
  const bytes = deps.crypto.randomBytes(16);
  const chars = [...bytes].map((b, i) => {
    const set = sets[i % sets.length]!;
    return set[b % set.length];
  });
  return chars.join('');
}
