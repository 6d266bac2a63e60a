import { BackupError, type BackupErrorCode } from '../platform/backup/backup-error.js';
import { CliError } from './cli-error.js';
import { msg } from './say.js';

/** Mistakes of the caller (passphrase, target, file) exit 2; damage and failing tools exit 1. */
const USAGE: BackupErrorCode[] = ['PASSPHRASE_MISSING', 'PASSPHRASE_TOO_SHORT', 'WRONG_PASSPHRASE', 'NOT_A_BACKUP', 'TARGET_EXISTS', 'NOTHING_TO_BACK_UP', 'TARGET_NOT_EMPTY', 'DIALECT_MISMATCH'];

export async function explainBackupErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    throw new CliError(USAGE.includes(e.code) ? 2 : 1, msg(`backupErrors.${e.code}`, e.params));
  }
}
