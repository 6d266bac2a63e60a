import type { Db, Tx } from '../context.js';
import type { DictItemTable } from './settings.tables.js';

export type DictRow = DictItemTable;

export function listDictItems(db: Db | Tx, tenantId: string, dictCode: string | undefined) {
  let q = db.selectFrom('dict_item').selectAll().where('tenant_id', '=', tenantId);
  if (dictCode) q = q.where('dict_code', '=', dictCode);
  return q.orderBy('dict_code').orderBy('sort').orderBy('code').execute();
}

export function findDictItem(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('dict_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertDictItem(tx: Tx, row: DictRow): Promise<void> {
  await tx.insertInto('dict_item').values(row).execute();
}

export async function updateDictItemRow(tx: Tx, tenantId: string, id: string, patch: Partial<DictRow>): Promise<void> {
  await tx.updateTable('dict_item').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteDictItemRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('dict_item').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
