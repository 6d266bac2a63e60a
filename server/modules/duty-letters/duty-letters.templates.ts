import type {
  CreateDutyLetterTemplate,
  DutyLetterTemplate,
  DutyLetterTemplatePage,
  DutyLetterTemplateQuery,
  UpdateDutyLetterTemplate,
} from '../../../contracts/duty-letters.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { userId, type Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { invalidState, notFound } from '../../platform/http/errors.js';
import { presentTemplate } from './duty-letters.present.js';
import * as repo from './duty-letters.repo.js';

/** Templates are tenant-wide reference text (like checklists): duty:read sees them all, duty:manage edits them. */
export async function listTemplates(ctx: Ctx, q: DutyLetterTemplateQuery): Promise<DutyLetterTemplatePage> {
  const { rows, ...page } = await repo.listTemplates(ctx.deps.db, ctx.tenantId, q);
  return { items: rows.map(presentTemplate), ...page };
}

export async function getTemplate(ctx: Ctx, id: string): Promise<DutyLetterTemplate> {
  const row = await repo.findTemplate(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('duty_letter_template');
  return presentTemplate(row);
}

export async function createTemplate(ctx: Ctx, input: CreateDutyLetterTemplate): Promise<DutyLetterTemplate> {
  const at = nowIso(ctx.deps.clock);
  const row: repo.TemplateRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    name: input.name,
    level: input.level ?? null,
    title: input.title,
    preamble: input.preamble ?? '',
    duties: JSON.stringify(input.duties),
    closing: input.closing ?? '',
    signature_labels: JSON.stringify(input.signatureLabels),
    created_by: userId(ctx),
    created_at: at,
    updated_at: at,
  };
  return transact(ctx, async (tx) => {
    await repo.insertTemplate(tx, row);
    await writeAudit(tx, ctx, { action: 'duty_letter_template.create', objectType: 'duty_letter_template', objectId: row.id });
    return presentTemplate({ ...row, letter_count: 0 });
  });
}

/** Letters already issued keep the text they were issued with: editing a template changes only later letters. */
export async function updateTemplate(ctx: Ctx, id: string, input: UpdateDutyLetterTemplate): Promise<DutyLetterTemplate> {
  return transact(ctx, async (tx) => {
    const row = await repo.findTemplate(tx, ctx.tenantId, id);
    if (!row) throw notFound('duty_letter_template');
    const patch: Partial<repo.TemplateRow> = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.level !== undefined && { level: input.level }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.preamble !== undefined && { preamble: input.preamble }),
      ...(input.duties !== undefined && { duties: JSON.stringify(input.duties) }),
      ...(input.closing !== undefined && { closing: input.closing }),
      ...(input.signatureLabels !== undefined && { signature_labels: JSON.stringify(input.signatureLabels) }),
      updated_at: nowIso(ctx.deps.clock),
    };
    await repo.updateTemplate(tx, ctx.tenantId, id, patch);
    await writeAudit(tx, ctx, { action: 'duty_letter_template.update', objectType: 'duty_letter_template', objectId: id, details: { fields: Object.keys(input) } });
    return presentTemplate({ ...row, ...patch });
  });
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const row = await repo.findTemplate(tx, ctx.tenantId, id);
    if (!row) throw notFound('duty_letter_template');
    if (Number(row.letter_count ?? 0) > 0) throw invalidState('used');
    await repo.deleteTemplate(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'duty_letter_template.delete', objectType: 'duty_letter_template', objectId: id });
  });
}
