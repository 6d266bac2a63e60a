/** Why a backup or restore stopped; the CLI turns the code into a message and an exit status. */
export type BackupErrorCode =
  | 'PASSPHRASE_MISSING'
  | 'PASSPHRASE_TOO_SHORT'
  | 'WRONG_PASSPHRASE'
  | 'NOT_A_BACKUP'
  | 'DAMAGED'
  | 'TARGET_EXISTS'
  | 'NOTHING_TO_BACK_UP'
  | 'TARGET_NOT_EMPTY'
  | 'DIALECT_MISMATCH'
  | 'INTEGRITY_CHECK_FAILED'
  | 'KEYS_DO_NOT_MATCH'
  | 'TOOL_FAILED';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}
