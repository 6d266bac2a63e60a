import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PostgresDialect, SqliteDialect, sql, type Kysely, type SqliteDatabase } from 'kysely';
import { GuardedDriver, GuardedKysely } from './tx-guard.js';
import type { DB } from '../../schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Path of the SQLite file (null on PostgreSQL). */
  sqlitePath: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  url: string | null;
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  schema?: string;
  sqliteFile?: string;
  poolSize?: number;
}

// PostgreSQL returns int8 (count(*), sums) as strings; every query in this codebase expects numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export class UnsafeDatabaseError extends Error {}

class GuardedSqliteDialect extends SqliteDialect {
  override createDriver() {
    return new GuardedDriver(super.createDriver());
  }
}

class GuardedPostgresDialect extends PostgresDialect {
  override createDriver() {
    return new GuardedDriver(super.createDriver());
  }
}

const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'secure_delete = ON',
  'busy_timeout = 5000',
  'trusted_schema = OFF',
];

function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new SQLite(file);
  for (const p of SQLITE_PRAGMAS) conn.pragma(p);
  const check = {
    journal_mode: conn.pragma('journal_mode', { simple: true }),
    synchronous: conn.pragma('synchronous', { simple: true }),
    foreign_keys: conn.pragma('foreign_keys', { simple: true }),
    secure_delete: conn.pragma('secure_delete', { simple: true }),
  };
  if (check.journal_mode !== 'wal' || check.synchronous !== 2 || check.foreign_keys !== 1 || check.secure_delete !== 1) {
    conn.close();
    throw new UnsafeDatabaseError(`SQLite refused the durability settings: ${JSON.stringify(check)}`);
  }
  return conn;
}

const MAX_STATEMENTS = 1000;

/**
 * Kysely prepares every query afresh, and on a short read preparing costs as much as running it. The
 * same SQL text always gets the same prepared statement here (SQLite re-prepares it by itself after a
 * schema change). Every query runs to its end synchronously, so no statement is ever shared mid-flight.
 */
function withStatementCache(conn: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(text: string) {
      let stmt = statements.get(text);
      if (!stmt) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        stmt = conn.prepare(text);
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** Refuses PostgreSQL settings that can lose acknowledged writes. */
async function checkPostgres(db: Kysely<DB>): Promise<void> {
  const unsafe: string[] = [];
  for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const r = await sql<Record<string, string>>`select current_setting(${name}) as v`.execute(db);
    const v = r.rows[0]?.v;
    if (v === 'off') unsafe.push(`${name}=off`);
  }
  if (unsafe.length) throw new UnsafeDatabaseError(`PostgreSQL is configured to lose committed data: ${unsafe.join(', ')}`);
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (!opts.url) {
    const file = opts.sqliteFile ?? path.join(opts.dataDir, 'qingfeng.db');
    const conn = openSqlite(file);
    const db = new GuardedKysely<DB>({ dialect: new GuardedSqliteDialect({ database: withStatementCache(conn) }) });
    return { db, dialect: 'sqlite', sqlitePath: file, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new GuardedKysely<DB>({ dialect: new GuardedPostgresDialect({ pool }) });
  try {
    await checkPostgres(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect: 'postgres', sqlitePath: null, close: () => db.destroy() };
}
