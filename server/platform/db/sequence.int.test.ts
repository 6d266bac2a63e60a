import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabaseAgain, testDialect } from '../../test/database.js';
import { createWorld, type World } from '../../test/world.js';
import type { Database } from './database.js';
import { nextSequence } from './sequence.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const take = (db: Database['db'], register: string, year: number) =>
  db.transaction().execute(async (tx) => {
    const n = await nextSequence(tx, w.tenantId, register, year);
    // Hold the transaction open a moment, so that racing callers overlap instead of running one after another.
    await new Promise((r) => setTimeout(r, 20));
    return n;
  });

describe('nextSequence', () => {
  it('numbers a register per year from 1, separately per register', async () => {
    expect([await take(w.deps.db, 'probe-a', 2031), await take(w.deps.db, 'probe-a', 2031)]).toEqual([1, 2]);
    expect(await take(w.deps.db, 'probe-a', 2032)).toBe(1);
    expect(await take(w.deps.db, 'probe-b', 2031)).toBe(1);
  });

  // SQLite serves one process; on PostgreSQL a second pool stands for a second server process.
  it('gives racing callers distinct numbers, also for the first number of a year', async () => {
    const second: Database | null = testDialect === 'postgres' ? await openTestDatabaseAgain(w.deps.config.dataDir) : null;
    try {
      const other = second?.db ?? w.deps.db;
      const numbers = await Promise.all(Array.from({ length: 8 }, (_, i) => take(i % 2 ? other : w.deps.db, 'probe-race', 2033)));
      expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await second?.close();
    }
  });
});
