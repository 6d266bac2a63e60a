import { checkTenants } from '../platform/backup/tenant-check.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { withApp } from './open-app.js';
import { msg, say } from './say.js';
import { printTenantChecks } from './tenant-report.js';

/** Exit 0 when every chain verifies, 1 when one is broken (the first bad record is named), 2 for a bad argument. */
export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { tenant: { type: 'string' } });
  return withApp(async (app) => {
    const { deps } = app;
    const checks = await checkTenants(deps.db, deps.keys, deps.crypto, values.tenant);
    if (values.tenant && !checks.length) throw new CliError(2, msg('unknownTenant', { code: values.tenant }));
    printTenantChecks(checks);
    const ok = checks.every((c) => c.audit.ok);
    say(ok ? 'auditOk' : 'auditBroken');
    return ok ? 0 : 1;
  });
}
