import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../schema.js';
import { BackupError } from './backup-error.js';

/** The file name openDatabase uses inside the data dir. */
export const SQLITE_FILE = 'qingfeng.db';

/**
 * A consistent copy of the live database: VACUUM INTO reads inside one transaction, so writers carry on
 * (WAL) and the copy is exactly one committed state, compacted, in rollback-journal mode.
 */
export function snapshotSqlite(livePath: string, dest: string): void {
  const conn = new SQLite(livePath, { fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 30000');
    conn.prepare('VACUUM INTO ?').run(dest);
  } finally {
    conn.close();
  }
  checkSqliteIntegrity(dest);
}

export function checkSqliteIntegrity(file: string): void {
  const conn = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = conn.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError('INTEGRITY_CHECK_FAILED', { detail: String(result) });
  } finally {
    conn.close();
  }
}

/** The copy opened read-only for verification; nothing is written into it. */
export function openReadOnly(file: string): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }) });
}
