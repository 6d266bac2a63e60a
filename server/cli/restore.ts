import { loadConfig } from '../config.js';
import { passphraseFromEnv } from '../platform/backup/backup-key.js';
import { restoreBackup } from '../platform/backup/restore-backup.js';
import { allSound } from '../platform/backup/tenant-check.js';
import { parse } from './args.js';
import { explainBackupErrors } from './backup-errors.js';
import { CliError } from './cli-error.js';
import { msg, say } from './say.js';
import { printTenantChecks } from './tenant-report.js';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new CliError(2, msg('missingArgument', { name: '<file>' }));
  const config = loadConfig();
  const report = await explainBackupErrors(() =>
    restoreBackup({ config, file, passphrase: passphraseFromEnv(process.env, false), env: process.env, force: values.force === true }),
  );
  say('restoreDone', { file, createdAt: report.manifest.createdAt, attachments: report.attachments, migrations: report.migrations.length });
  printTenantChecks(report.tenants);
  return allSound(report.tenants) ? 0 : 1;
}
