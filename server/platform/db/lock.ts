import { sql } from 'kysely';
import type { Tx } from '../context.js';
import type { DB } from '../../schema.js';
import { dialectOf } from './dialect.js';

/**
 * Holds these rows of a business table (keyed tenant_id, id) until the transaction ends, so two writers of one
 * record decide one after the other, the second on what the first left. PostgreSQL takes row locks, in id order
 * so two lockers of several rows cannot deadlock; SQLite needs none, its one connection running one write
 * transaction at a time.
 */
export async function lockRows(tx: Tx, table: keyof DB, tenantId: string, ids: string[]): Promise<void> {
  if (!ids.length || dialectOf(tx) !== 'postgres') return;
  await sql`select id from ${sql.table(table)} where tenant_id = ${tenantId} and id in (${sql.join(ids)}) order by id for update`.execute(tx);
}
