import { loadConfig } from '../config.js';
import { checkTenants } from '../platform/backup/tenant-check.js';
import { createGmCrypto } from '../platform/crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../platform/crypto/keyring.js';
import { openDatabase } from '../platform/db/database.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { msg, say } from './say.js';
import { printTenantChecks } from './tenant-report.js';

/**
 * Exit 0 when every chain verifies, 1 when one is broken (the first bad record is named), 2 for a bad
 * argument. Reads only: no migrations, no server wiring.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { tenant: { type: 'string' } });
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const keys = new KeyRing(loadKeyMaterial(config.dataDir));
    const checks = await checkTenants(database.db, keys, createGmCrypto(keys), values.tenant);
    if (values.tenant && !checks.length) throw new CliError(2, msg('unknownTenant', { code: values.tenant }));
    printTenantChecks(checks);
    const ok = checks.every((c) => c.audit.ok);
    say(ok ? 'auditOk' : 'auditBroken');
    return ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
