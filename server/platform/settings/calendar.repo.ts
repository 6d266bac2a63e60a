import type { Db, Tx } from '../context.js';
import type { CalendarOverrideTable } from './settings.tables.js';

export type OverrideRow = CalendarOverrideTable;

export function listOverrides(db: Db, tenantId: string) {
  return db.selectFrom('calendar_override').selectAll().where('tenant_id', '=', tenantId).orderBy('date').execute();
}

export function findOverride(db: Db | Tx, tenantId: string, date: string) {
  return db.selectFrom('calendar_override').selectAll().where('tenant_id', '=', tenantId).where('date', '=', date).executeTakeFirst();
}

export async function upsertOverride(tx: Tx, row: OverrideRow): Promise<void> {
  await tx
    .insertInto('calendar_override')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'date']).doUpdateSet({ kind: row.kind, note: row.note, updated_at: row.updated_at }))
    .execute();
}

export async function deleteOverrideRow(tx: Tx, tenantId: string, date: string): Promise<void> {
  await tx.deleteFrom('calendar_override').where('tenant_id', '=', tenantId).where('date', '=', date).execute();
}
