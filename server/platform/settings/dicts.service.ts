import type { CreateDictItem, DictItem, UpdateDictItem } from '../../../contracts/system.js';
import { dictionaryDefaults } from '../../../contracts/dictionaries.js';
import type { Ctx } from '../context.js';
import { writeAudit } from '../audit/audit.js';
import { isUniqueViolation } from '../db/dialect.js';
import { newId } from '../db/ids.js';
import { transact } from '../db/transact.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import * as repo from './dicts.repo.js';

export function presentDictItem(r: repo.DictRow): DictItem {
  return { id: r.id, dictCode: r.dict_code, code: r.code, labelZh: r.label_zh, labelEn: r.label_en, sort: Number(r.sort), enabled: r.enabled === 1, builtin: r.builtin === 1 };
}

export async function listDicts(ctx: Ctx, dictCode: string | undefined): Promise<DictItem[]> {
  return (await repo.listDictItems(ctx.deps.db, ctx.tenantId, dictCode)).map(presentDictItem);
}

/** Items are added to the lists that modules read (contracts/dictionaries.ts); a list nobody reads would be dead data. */
export async function createDictItem(ctx: Ctx, input: CreateDictItem): Promise<DictItem> {
  if (!Object.prototype.hasOwnProperty.call(dictionaryDefaults, input.dictCode)) throw notFound('dict');
  const row: repo.DictRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    dict_code: input.dictCode,
    code: input.code,
    label_zh: input.labelZh,
    label_en: input.labelEn,
    sort: input.sort ?? 0,
    enabled: input.enabled === false ? 0 : 1,
    builtin: 0,
  };
  try {
    return await transact(ctx, async (tx) => {
      await repo.insertDictItem(tx, row);
      await writeAudit(tx, ctx, { action: 'dict.create', objectType: 'dict_item', objectId: row.id, details: { dictCode: row.dict_code, code: row.code } });
      return presentDictItem(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'code' });
    throw e;
  }
}

/** Built-in items may be relabelled, reordered and disabled; their code is what stored data refers to. */
export async function updateDictItem(ctx: Ctx, id: string, input: UpdateDictItem): Promise<DictItem> {
  return transact(ctx, async (tx) => {
    const row = await repo.findDictItem(tx, ctx.tenantId, id);
    if (!row) throw notFound('dict_item');
    const patch: Partial<repo.DictRow> = {
      ...(input.labelZh !== undefined && { label_zh: input.labelZh }),
      ...(input.labelEn !== undefined && { label_en: input.labelEn }),
      ...(input.sort !== undefined && { sort: input.sort }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? 1 : 0 }),
    };
    if (Object.keys(patch).length) await repo.updateDictItemRow(tx, ctx.tenantId, id, patch);
    await writeAudit(tx, ctx, { action: 'dict.update', objectType: 'dict_item', objectId: id, details: { dictCode: row.dict_code, code: row.code, fields: Object.keys(input) } });
    return presentDictItem({ ...row, ...patch });
  });
}

export async function deleteDictItem(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const row = await repo.findDictItem(tx, ctx.tenantId, id);
    if (!row) throw notFound('dict_item');
    if (row.builtin === 1) throw conflict('builtin');
    await repo.deleteDictItemRow(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'dict.delete', objectType: 'dict_item', objectId: id, details: { dictCode: row.dict_code, code: row.code } });
  });
}
