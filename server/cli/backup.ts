import { loadConfig } from '../config.js';
import { systemClock } from '../platform/clock/clock.js';
import { passphraseFromEnv } from '../platform/backup/backup-key.js';
import { createBackup } from '../platform/backup/create-backup.js';
import { parse } from './args.js';
import { explainBackupErrors } from './backup-errors.js';
import { CliError } from './cli-error.js';
import { msg, say, warn } from './say.js';
import { printTenantChecks } from './tenant-report.js';

export async function run(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new CliError(2, msg('missingArgument', { name: '<file>' }));
  const config = loadConfig();
  const report = await explainBackupErrors(() =>
    createBackup({ config, file, passphrase: passphraseFromEnv(process.env, true), env: process.env, clock: systemClock }),
  );
  say('backupDone', { file: report.file, size: report.bytes, attachments: report.attachments });
  printTenantChecks(report.tenants);
  if (!report.manifest.keysIncluded) warn('backupKeysExternal');
  if (report.manifest.storage === 's3') warn('backupS3');
  if (report.tenants.some((t) => !t.audit.ok)) {
    warn('backupChainBroken');
    return 1;
  }
  return 0;
}
