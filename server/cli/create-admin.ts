import type { RoleKind } from '../../contracts/permissions.js';
import { systemCtx } from '../platform/context.js';
import { USERNAME_PATTERN } from '../platform/auth/username.js';
import { isPlain } from '../../contracts/text-formats.js';
import { AppError } from '../platform/http/errors.js';
import { t } from '../platform/i18n/i18n.js';
import { assignRole } from '../modules/accounts/assignments.service.js';
import { createUser } from '../modules/accounts/users.service.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { withApp } from './open-app.js';
import { cliLocale, msg, say } from './say.js';
import { resolveTenant } from './tenant-arg.js';

/** The three administrator kinds and the built-in role each receives (三员: one kind per account). */
const ROLE_OF: Record<Exclude<RoleKind, 'business'>, string> = { system: 'sys_admin', security: 'security_admin', audit: 'audit_admin' };

function option<T extends string>(name: string, value: T | undefined, ok: (v: string) => boolean): T | undefined {
  if (value !== undefined && !ok(value)) throw new CliError(2, msg('invalidValue', { name, value }));
  return value;
}

/**
 * Through the accounts services, as an administrator would in the UI: the account gets a generated
 * password to change at first sign-in, then its role for the whole tenant; both steps are audited as system.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    kind: { type: 'string', default: 'system' },
    tenant: { type: 'string' },
  });
  const username = option('--username', values.username, (v) => new RegExp(USERNAME_PATTERN).test(v));
  if (!username) throw new CliError(2, msg('missingArgument', { name: '--username' }));
  const kind = option('--kind', values.kind as keyof typeof ROLE_OF, (v) => v in ROLE_OF)!;
  const role = ROLE_OF[kind];
  const displayName = option('--display-name', values['display-name'], (v) => isPlain(v) && [...v].length <= 40) ?? t(cliLocale, `roles.${role}`);
  return withApp(async (app) => {
    const tenant = await resolveTenant(app.deps.db, values.tenant);
    const ctx = systemCtx(app.deps, tenant.id);
    let created;
    try {
      created = await createUser(ctx, { username, displayName, kind, personId: null });
    } catch (e) {
      if (e instanceof AppError && e.code === 'DUPLICATE') throw new CliError(1, msg('usernameTaken', { username }));
      throw e;
    }
    const roleRow = await app.deps.db.selectFrom('role').select('id').where('tenant_id', '=', tenant.id).where('code', '=', role).executeTakeFirstOrThrow();
    await assignRole(ctx, { userId: created.user.id, roleId: roleRow.id, scopeKind: 'tenant', scopeOrgId: null });
    say('adminCreated', { role: t(cliLocale, `roles.${role}`), username, password: created.initialPassword });
    return 0;
  });
}
