import type { Db } from '../platform/context.js';
import { CliError } from './cli-error.js';
import { msg } from './say.js';

/** `--tenant <code>`, or the default tenant when the option is absent. */
export async function resolveTenant(db: Db, code: string | undefined): Promise<{ id: string; code: string }> {
  const q = db.selectFrom('tenant').select(['id', 'code']);
  const row = await (code ? q.where('code', '=', code) : q.where('is_default', '=', 1)).executeTakeFirst();
  if (!row) throw new CliError(2, code ? msg('unknownTenant', { code }) : msg('noDefaultTenant'));
  return row;
}
