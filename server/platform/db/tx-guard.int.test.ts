import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { TransactionMisuseError } from './tx-guard.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table probe (x integer)`.execute(t.database.db);
});
afterAll(async () => t.drop());

describe('transaction guard', () => {
  it('refuses a root query inside a transaction at once (instead of deadlocking) and rolls back', async () => {
    const db = t.database.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`insert into probe values (1)`.execute(tx);
        await sql`select 1`.execute(db);
      }),
    ).rejects.toBeInstanceOf(TransactionMisuseError);
    await expect(db.transaction().execute(async () => db.transaction().execute(async (t2) => sql`select 1`.execute(t2)))).rejects.toBeInstanceOf(TransactionMisuseError);
    expect((await sql<{ n: number }>`select count(*) as n from probe`.execute(db)).rows[0]!.n).toBe(0);
  });

  it('leaves queries after the transaction and concurrent work outside it alone', async () => {
    const db = t.database.db;
    const slow = db.transaction().execute(async (tx) => {
      await new Promise((r) => setTimeout(r, 30));
      await sql`insert into probe values (2)`.execute(tx);
    });
    const outside = sql`select 1 as one`.execute(db);
    await Promise.all([slow, outside]);
    expect(Number((await sql<{ n: number }>`select count(*) as n from probe`.execute(db)).rows[0]!.n)).toBe(1);
  });
});
