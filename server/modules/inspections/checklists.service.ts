import type { Checklist, CreateChecklist, UpdateChecklist } from '../../../contracts/inspections.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { authorizeChecklistRead } from './inspections.policy.js';
import * as repo from './checklists.repo.js';

type ItemInput = CreateChecklist['items'][number];

export function presentChecklist(r: repo.ChecklistRow, items: repo.ChecklistItemRow[]): Checklist {
  return {
    id: r.id, code: r.code, name: r.name, category: r.category, builtin: r.builtin === 1, enabled: r.enabled === 1,
    items: items.map((i) => ({ id: i.id, seq: i.seq, text: i.text, guidance: i.guidance })), updatedAt: r.updated_at,
  };
}

export async function listChecklists(ctx: Ctx): Promise<Checklist[]> {
  authorizeChecklistRead(ctx);
  const rows = await repo.listChecklists(ctx.deps.db, ctx.tenantId);
  const items = await repo.activeItems(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentChecklist(r, items.filter((i) => i.checklist_id === r.id)));
}

async function loadChecklist(db: Db | Tx, ctx: Ctx, id: string): Promise<Checklist> {
  const row = await repo.findChecklist(db, ctx.tenantId, id);
  if (!row) throw notFound('checklist');
  return presentChecklist(row, await repo.activeItems(db, ctx.tenantId, [id]));
}

export async function getChecklist(ctx: Ctx, id: string): Promise<Checklist> {
  authorizeChecklistRead(ctx);
  return loadChecklist(ctx.deps.db, ctx, id);
}

export async function createChecklist(ctx: Ctx, input: CreateChecklist): Promise<Checklist> {
  const at = nowIso(ctx.deps.clock);
  const row: repo.ChecklistRow = { tenant_id: ctx.tenantId, id: newId(), code: input.code, name: input.name, category: input.category, builtin: 0, enabled: 1, created_at: at, updated_at: at };
  try {
    return await transact(ctx, async (tx) => {
      await repo.insertChecklist(tx, row);
      const items = input.items.map((it, i) => itemRow(ctx, row.id, i + 1, it));
      await repo.insertItems(tx, items);
      await writeAudit(tx, ctx, { action: 'checklist.create', objectType: 'checklist', objectId: row.id, details: { code: row.code, items: items.length } });
      return presentChecklist(row, items);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'code' });
    throw e;
  }
}

function itemRow(ctx: Ctx, checklistId: string, seq: number, it: ItemInput): repo.ChecklistItemRow {
  return { tenant_id: ctx.tenantId, id: newId(), checklist_id: checklistId, seq, text: it.text, guidance: it.guidance ?? '', retired: 0 };
}

/**
 * New item list: an unchanged item (same text and guidance) keeps its id, so records in progress keep
 * their answers; every other current item is retired, never deleted, so recorded results keep their text.
 */
async function replaceItems(tx: Tx, ctx: Ctx, checklistId: string, next: ItemInput[]): Promise<{ added: number; retired: number }> {
  const current = await repo.activeItems(tx, ctx.tenantId, [checklistId]);
  const key = (text: string, guidance: string) => `${text}\u0000${guidance}`;
  const unused = new Map<string, repo.ChecklistItemRow[]>();
  for (const c of current) unused.set(key(c.text, c.guidance), [...(unused.get(key(c.text, c.guidance)) ?? []), c]);
  const fresh: repo.ChecklistItemRow[] = [];
  for (const [i, it] of next.entries()) {
    const kept = unused.get(key(it.text, it.guidance ?? ''))?.shift();
    if (!kept) fresh.push(itemRow(ctx, checklistId, i + 1, it));
    else if (kept.seq !== i + 1) await repo.setItemSeq(tx, ctx.tenantId, kept.id, i + 1);
  }
  const retire = [...unused.values()].flat().map((r) => r.id);
  await repo.retireItems(tx, ctx.tenantId, retire);
  await repo.insertItems(tx, fresh);
  return { added: fresh.length, retired: retire.length };
}

export async function updateChecklist(ctx: Ctx, id: string, input: UpdateChecklist): Promise<Checklist> {
  return transact(ctx, async (tx) => {
    if (!(await repo.findChecklist(tx, ctx.tenantId, id))) throw notFound('checklist');
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? (1 as const) : (0 as const) }),
      updated_at: nowIso(ctx.deps.clock),
    };
    await repo.updateChecklistRow(tx, ctx.tenantId, id, patch);
    const changed = input.items ? await replaceItems(tx, ctx, id, input.items) : null;
    await writeAudit(tx, ctx, { action: 'checklist.update', objectType: 'checklist', objectId: id, details: { fields: Object.keys(input), ...(changed && { items: changed }) } });
    return loadChecklist(tx, ctx, id);
  });
}
