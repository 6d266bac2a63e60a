import type { Db, Tx } from '../../platform/context.js';
import type { ChecklistItemTable, ChecklistTable } from './inspections.tables.js';

export type ChecklistRow = ChecklistTable;
export type ChecklistItemRow = ChecklistItemTable;

export function listChecklists(db: Db | Tx, tenantId: string) {
  return db.selectFrom('checklist').selectAll().where('tenant_id', '=', tenantId).orderBy('builtin', 'desc').orderBy('code').execute();
}

export function findChecklist(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('checklist').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The current (not retired) items of some checklists, in order. */
export function activeItems(db: Db | Tx, tenantId: string, checklistIds: string[]) {
  if (!checklistIds.length) return Promise.resolve([] as ChecklistItemRow[]);
  return db
    .selectFrom('checklist_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('checklist_id', 'in', checklistIds)
    .where('retired', '=', 0)
    .orderBy('checklist_id')
    .orderBy('seq')
    .execute();
}

export function findItem(db: Db | Tx, tenantId: string, checklistId: string, id: string) {
  return db.selectFrom('checklist_item').selectAll().where('tenant_id', '=', tenantId).where('checklist_id', '=', checklistId).where('id', '=', id).executeTakeFirst();
}

export async function insertChecklist(tx: Tx, row: ChecklistRow): Promise<void> {
  await tx.insertInto('checklist').values(row).execute();
}

export async function insertItems(tx: Tx, rows: ChecklistItemRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('checklist_item').values(rows).execute();
}

export async function updateChecklistRow(tx: Tx, tenantId: string, id: string, patch: Partial<ChecklistRow>): Promise<void> {
  await tx.updateTable('checklist').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function setItemSeq(tx: Tx, tenantId: string, id: string, seq: number): Promise<void> {
  await tx.updateTable('checklist_item').set({ seq }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function retireItems(tx: Tx, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length) await tx.updateTable('checklist_item').set({ retired: 1 }).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}
