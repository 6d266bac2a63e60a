import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../platform/db/database.js';

/**
 * A private database for one test file: a fresh SQLite file, or a fresh schema in the PostgreSQL of
 * TEST_DATABASE_URL. The same suite therefore runs unchanged against both.
 */
export interface TestDatabase {
  database: Database;
  dataDir: string;
  drop(): Promise<void>;
}

export const testDialect = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

const schemaFor = (dataDir: string) => `t_${path.basename(dataDir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;

/**
 * Another connection (pool) onto the test database living in `dataDir`, as a second process would open
 * it: races between handles are real races, not interleavings inside one pool. The caller closes it.
 */
export async function openTestDatabaseAgain(dataDir: string): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL ?? null;
  return url ? openDatabase({ url, dataDir, schema: schemaFor(dataDir), poolSize: 4 }) : openDatabase({ url: null, dataDir });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-test-'));
  const url = process.env.TEST_DATABASE_URL ?? null;
  if (!url) {
    const database = await openDatabase({ url: null, dataDir });
    return {
      database,
      dataDir,
      async drop() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = schemaFor(dataDir);
  const admin = await openDatabase({ url, dataDir, poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  await admin.close();
  const database = await openDatabase({ url, dataDir, schema, poolSize: 4 });
  return {
    database,
    dataDir,
    async drop() {
      await database.close();
      const a = await openDatabase({ url, dataDir, poolSize: 1 });
      await sql.raw(`drop schema ${schema} cascade`).execute(a.db);
      await a.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
