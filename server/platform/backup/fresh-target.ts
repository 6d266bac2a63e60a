import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/database.js';

/**
 * For tests of whole-installation operations (backup, restore, the CLI): an empty data dir and, when
 * TEST_DATABASE_URL is set, an empty PostgreSQL database of its own — pg_dump and pg_restore work on
 * databases, not on the per-test schemas the other integration tests use.
 */
export interface FreshTarget {
  dataDir: string;
  databaseUrl: string | null;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url, dataDir: os.tmpdir(), poolSize: 1 });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export async function freshTarget(): Promise<FreshTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-target-'));
  const base = process.env.TEST_DATABASE_URL ?? null;
  let databaseUrl: string | null = null;
  let dbName: string | null = null;
  if (base) {
    dbName = `qf_${crypto.randomBytes(6).toString('hex')}`;
    await admin(base, (db) => sql.raw(`create database ${dbName} template template0 encoding 'UTF8'`).execute(db));
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  return {
    dataDir,
    databaseUrl,
    env: { QINGFENG_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (base && dbName) await admin(base, (db) => sql.raw(`drop database if exists ${dbName} with (force)`).execute(db));
    },
  };
}
