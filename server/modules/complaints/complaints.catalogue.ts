import type { Static } from 'typebox';
import type { ComplaintCategory, ComplaintMatter, SaveCategory, SaveMatter, UpdateCategory, UpdateMatter } from '../../../contracts/complaints.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { activeOrg } from './complaints.repo.js';

function matterRows(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('complaint_matter as m')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.responsible_org_id'))
    .select(['m.id', 'm.category_id', 'm.name', 'm.description', 'm.responsible_org_id', 'o.name as org_name', 'm.assign_days', 'm.answer_days', 'm.enabled', 'm.sort'])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.sort')
    .orderBy('m.name');
}

type MatterRow = Awaited<ReturnType<ReturnType<typeof matterRows>['execute']>>[number];

function presentMatter(m: MatterRow): ComplaintMatter {
  return {
    id: m.id, categoryId: m.category_id, name: m.name, description: m.description, responsibleOrg: { id: m.responsible_org_id, name: m.org_name },
    assignDays: m.assign_days, answerDays: m.answer_days, enabled: m.enabled === 1, sort: m.sort,
  };
}

/** The whole 监督事项清单, disabled entries included (staff edit it; the portal shows only what is enabled). */
export async function getCatalogue(ctx: Ctx): Promise<{ items: ComplaintCategory[] }> {
  const db = ctx.deps.db;
  const [categories, matters] = await Promise.all([
    db.selectFrom('complaint_category').selectAll().where('tenant_id', '=', ctx.tenantId).orderBy('sort').orderBy('name').execute(),
    matterRows(db, ctx.tenantId).execute(),
  ]);
  return {
    items: categories.map((c) => ({
      id: c.id, code: c.code, name: c.name, nameEn: c.name_en, description: c.description, enabled: c.enabled === 1, sort: c.sort,
      matters: matters.filter((m) => m.category_id === c.id).map(presentMatter),
    })),
  };
}

async function getCategory(ctx: Ctx, id: string): Promise<ComplaintCategory> {
  const found = (await getCatalogue(ctx)).items.find((c) => c.id === id);
  if (!found) throw notFound('category');
  return found;
}

async function getMatter(ctx: Ctx, id: string): Promise<ComplaintMatter> {
  const m = await matterRows(ctx.deps.db, ctx.tenantId).where('m.id', '=', id).executeTakeFirst();
  if (!m) throw notFound('matter');
  return presentMatter(m);
}

const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? (1 as const) : (0 as const));

export async function createCategory(ctx: Ctx, input: Static<typeof SaveCategory>): Promise<ComplaintCategory> {
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  try {
    await transact(ctx, async (tx) => {
      await tx
        .insertInto('complaint_category')
        .values({ tenant_id: ctx.tenantId, id, code: input.code, name: input.name, name_en: input.nameEn, description: input.description ?? '', enabled: flag(input.enabled) ?? 1, sort: input.sort ?? 0, created_at: at, updated_at: at })
        .execute();
      await writeAudit(tx, ctx, { action: 'complaint.category_create', objectType: 'complaint_category', objectId: id, details: { code: input.code } });
    });
  } catch (e) {
    if (isUniqueViolation(e) && !String((e as Error).message).includes('idempotency_key')) throw new AppError('DUPLICATE', { field: 'code' });
    throw e;
  }
  return getCategory(ctx, id);
}

export async function updateCategory(ctx: Ctx, id: string, input: Static<typeof UpdateCategory>): Promise<ComplaintCategory> {
  await transact(ctx, async (tx) => {
    const found = await tx.selectFrom('complaint_category').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('category');
    await tx
      .updateTable('complaint_category')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.nameEn !== undefined && { name_en: input.nameEn }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.enabled !== undefined && { enabled: flag(input.enabled) }),
        ...(input.sort !== undefined && { sort: input.sort }),
        updated_at: nowIso(ctx.deps.clock),
      })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, ctx, { action: 'complaint.category_update', objectType: 'complaint_category', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getCategory(ctx, id);
}

/** The responsible org must be active and inside the editor's catalogue scope. */
async function checkResponsibleOrg(db: Db | Tx, ctx: Ctx, orgId: string): Promise<void> {
  if (!(await activeOrg(db, ctx.tenantId, orgId))) throw notFound('org');
  if (!(await orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, 'complaint:catalogue'), orgId))) throw new AppError('FORBIDDEN', { field: 'responsibleOrgId' });
}

export async function createMatter(ctx: Ctx, input: Static<typeof SaveMatter>): Promise<ComplaintMatter> {
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  await transact(ctx, async (tx) => {
    const category = await tx.selectFrom('complaint_category').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', input.categoryId).executeTakeFirst();
    if (!category) throw notFound('category');
    await checkResponsibleOrg(tx, ctx, input.responsibleOrgId);
    await tx
      .insertInto('complaint_matter')
      .values({
        tenant_id: ctx.tenantId, id, category_id: input.categoryId, name: input.name, description: input.description ?? '', responsible_org_id: input.responsibleOrgId,
        assign_days: input.assignDays ?? null, answer_days: input.answerDays ?? null, enabled: flag(input.enabled) ?? 1, sort: input.sort ?? 0, created_at: at, updated_at: at,
      })
      .execute();
    await writeAudit(tx, ctx, { action: 'complaint.matter_create', objectType: 'complaint_matter', objectId: id, details: { categoryId: input.categoryId } });
  });
  return getMatter(ctx, id);
}

export async function updateMatter(ctx: Ctx, id: string, input: Static<typeof UpdateMatter>): Promise<ComplaintMatter> {
  await transact(ctx, async (tx) => {
    const found = await tx.selectFrom('complaint_matter').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('matter');
    if (input.responsibleOrgId !== undefined) await checkResponsibleOrg(tx, ctx, input.responsibleOrgId);
    await tx
      .updateTable('complaint_matter')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.responsibleOrgId !== undefined && { responsible_org_id: input.responsibleOrgId }),
        ...(input.assignDays !== undefined && { assign_days: input.assignDays }),
        ...(input.answerDays !== undefined && { answer_days: input.answerDays }),
        ...(input.enabled !== undefined && { enabled: flag(input.enabled) }),
        ...(input.sort !== undefined && { sort: input.sort }),
        updated_at: nowIso(ctx.deps.clock),
      })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, ctx, { action: 'complaint.matter_update', objectType: 'complaint_matter', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getMatter(ctx, id);
}
