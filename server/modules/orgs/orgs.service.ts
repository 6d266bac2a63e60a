import type { CreateOrg, MoveOrg, Org, UpdateOrg } from '../../../contracts/orgs.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { authorizeOrgManage, authorizeOrgRead } from './orgs.policy.js';
import * as repo from './orgs.repo.js';

export function presentOrg(r: repo.OrgRow): Org {
  return { id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, shortName: r.short_name, code: r.code, sort: r.sort, status: r.status, updatedAt: r.updated_at };
}

export async function listOrgTree(ctx: Ctx): Promise<Org[]> {
  return (await repo.listOrgs(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'org:read'))).map(presentOrg);
}

export async function getOrg(ctx: Ctx, id: string): Promise<Org> {
  await authorizeOrgRead(ctx, id);
  const row = await repo.findOrg(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('org');
  return presentOrg(row);
}

export async function createOrg(ctx: Ctx, input: CreateOrg): Promise<Org> {
  await authorizeOrgManage(ctx, input.parentId);
  if (input.parentId && !(await repo.findOrg(ctx.deps.db, ctx.tenantId, input.parentId))) throw notFound('org');
  const at = nowIso(ctx.deps.clock);
  const row: repo.OrgRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    parent_id: input.parentId,
    kind: input.kind,
    name: input.name,
    short_name: input.shortName ?? input.name,
    code: input.code ?? null,
    sort: input.sort ?? 0,
    status: 'active',
    created_at: at,
    updated_at: at,
  };
  return transact(ctx, async (tx) => {
    await repo.insertOrg(tx, row);
    await writeAudit(tx, ctx, { action: 'org.create', objectType: 'org', objectId: row.id, details: { parentId: row.parent_id, kind: row.kind } });
    return presentOrg(row);
  });
}

export async function updateOrg(ctx: Ctx, id: string, input: UpdateOrg): Promise<Org> {
  await authorizeOrgManage(ctx, id);
  return transact(ctx, async (tx) => {
    const row = await repo.findOrg(tx, ctx.tenantId, id);
    if (!row) throw notFound('org');
    const patch = {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.shortName !== undefined && { short_name: input.shortName }),
      ...(input.code !== undefined && { code: input.code }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: nowIso(ctx.deps.clock),
    };
    await repo.updateOrgRow(tx, ctx.tenantId, id, patch);
    await writeAudit(tx, ctx, { action: 'org.update', objectType: 'org', objectId: id, details: { fields: Object.keys(input) } });
    return presentOrg({ ...row, ...patch });
  });
}

export async function moveOrg(ctx: Ctx, id: string, input: MoveOrg): Promise<Org> {
  await authorizeOrgManage(ctx, id);
  await authorizeOrgManage(ctx, input.parentId);
  return transact(ctx, async (tx) => {
    const row = await repo.findOrg(tx, ctx.tenantId, id);
    if (!row || !(await repo.findOrg(tx, ctx.tenantId, input.parentId))) throw notFound('org');
    if (await repo.isDescendant(tx, ctx.tenantId, id, input.parentId)) throw new AppError('ORG_CYCLE');
    const patch = { parent_id: input.parentId, sort: input.sort, updated_at: nowIso(ctx.deps.clock) };
    if (row.parent_id !== input.parentId) await repo.moveSubtree(tx, ctx.tenantId, id, input.parentId);
    await repo.updateOrgRow(tx, ctx.tenantId, id, patch);
    await writeAudit(tx, ctx, { action: 'org.move', objectType: 'org', objectId: id, details: { from: row.parent_id, to: input.parentId } });
    return presentOrg({ ...row, ...patch });
  });
}

/** Only an empty org can be deleted; anything referring to it (people, posts, assignments) keeps it. */
export async function deleteOrg(ctx: Ctx, id: string): Promise<void> {
  await authorizeOrgManage(ctx, id);
  try {
    await transact(ctx, async (tx) => {
      if (!(await repo.findOrg(tx, ctx.tenantId, id))) throw notFound('org');
      if (await repo.hasChildren(tx, ctx.tenantId, id)) throw new AppError('ORG_NOT_EMPTY');
      await repo.deleteOrgRow(tx, ctx.tenantId, id);
      await writeAudit(tx, ctx, { action: 'org.delete', objectType: 'org', objectId: id });
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new AppError('ORG_NOT_EMPTY');
    throw e;
  }
}

export async function exportOrgs(ctx: Ctx, locale: Locale): Promise<Buffer> {
  const orgs = await listOrgTree(ctx);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return writeWorkbook<Org>(t(locale, 'orgs.sheet'), [
    { header: t(locale, 'orgs.name'), value: (o) => o.name, width: 30 },
    { header: t(locale, 'orgs.shortName'), value: (o) => o.shortName },
    { header: t(locale, 'orgs.kind'), value: (o) => t(locale, `orgs.kinds.${o.kind}`) },
    { header: t(locale, 'orgs.parent'), value: (o) => (o.parentId ? names.get(o.parentId) : ''), width: 30 },
    { header: t(locale, 'orgs.code'), value: (o) => o.code },
    { header: t(locale, 'orgs.status'), value: (o) => t(locale, `orgs.statuses.${o.status}`) },
  ], orgs);
}
