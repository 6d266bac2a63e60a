import type { CreateLeader, Leader, UpdateLeader } from '../../../contracts/people.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { authorizeOrgWrite, authorizePersonWrite } from './people.policy.js';
import { existingOrgIds, findPerson } from './people.repo.js';
import * as repo from './leaders.repo.js';

function presentLeader(r: repo.LeaderListRow, oversees: Leader['oversees']): Leader {
  return { id: r.id, personId: r.person_id, personName: r.person_name, title: r.title, sort: r.sort, oversees };
}

async function present(ctx: Ctx, rows: repo.LeaderListRow[]): Promise<Leader[]> {
  const oversight = await repo.oversightOf(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentLeader(r, oversight.get(r.id) ?? []));
}

export async function listLeaders(ctx: Ctx): Promise<Leader[]> {
  const personId = ctx.actor.kind === 'user' ? ctx.actor.personId : null;
  return present(ctx, await repo.listLeaders(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'org:read'), personId));
}

/** Overseen orgs must exist and lie inside the manager's scope: nobody hands out oversight of what they cannot manage. */
async function checkOversight(ctx: Ctx, orgIds: string[]): Promise<void> {
  for (const o of orgIds) await authorizeOrgWrite(ctx, 'leader:manage', o);
  const found = await existingOrgIds(ctx.deps.db, ctx.tenantId, orgIds);
  if (orgIds.some((o) => !found.has(o))) throw notFound('org');
}

async function reload(ctx: Ctx, tx: Tx, id: string): Promise<Leader> {
  const row = (await repo.findLeader(tx, ctx.tenantId, id))!;
  return presentLeader(row, (await repo.oversightOf(tx, ctx.tenantId, [id])).get(id) ?? []);
}

export async function createLeader(ctx: Ctx, input: CreateLeader): Promise<Leader> {
  const person = await findPerson(ctx.deps.db, ctx.tenantId, input.personId);
  if (!person) throw notFound('person');
  await authorizePersonWrite(ctx, 'leader:manage', person);
  await checkOversight(ctx, input.overseesOrgIds);
  if (await repo.isLeader(ctx.deps.db, ctx.tenantId, input.personId)) throw new AppError('DUPLICATE', { field: 'personId' });
  const at = nowIso(ctx.deps.clock);
  const row: repo.LeaderRow = { tenant_id: ctx.tenantId, id: newId(), person_id: input.personId, title: input.title, sort: input.sort ?? 0, created_at: at, updated_at: at };
  try {
    return await transact(ctx, async (tx) => {
      await repo.insertLeader(tx, row);
      await repo.replaceOversight(tx, ctx.tenantId, row.id, input.overseesOrgIds);
      await writeAudit(tx, ctx, { action: 'leader.create', objectType: 'leader', objectId: row.id, details: { personId: row.person_id, oversees: input.overseesOrgIds } });
      return reload(ctx, tx, row.id);
    });
  } catch (e) {
    if (isUniqueViolation(e) && !String((e as Error).message).includes('idempotency_key')) throw new AppError('DUPLICATE', { field: 'personId' });
    throw e;
  }
}

async function findWritable(ctx: Ctx, id: string): Promise<repo.LeaderListRow> {
  const row = await repo.findLeader(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('leader');
  await authorizePersonWrite(ctx, 'leader:manage', { id: row.person_id, primary_org_id: row.primary_org_id });
  return row;
}

export async function updateLeader(ctx: Ctx, id: string, input: UpdateLeader): Promise<Leader> {
  await findWritable(ctx, id);
  if (input.overseesOrgIds) await checkOversight(ctx, input.overseesOrgIds);
  const patch: Partial<repo.LeaderRow> = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.sort !== undefined && { sort: input.sort }),
    updated_at: nowIso(ctx.deps.clock),
  };
  return transact(ctx, async (tx) => {
    if (!(await repo.findLeader(tx, ctx.tenantId, id))) throw notFound('leader');
    await repo.updateLeaderRow(tx, ctx.tenantId, id, patch);
    if (input.overseesOrgIds) await repo.replaceOversight(tx, ctx.tenantId, id, input.overseesOrgIds);
    await writeAudit(tx, ctx, { action: 'leader.update', objectType: 'leader', objectId: id, details: { fields: Object.keys(input) } });
    return reload(ctx, tx, id);
  });
}

export async function deleteLeader(ctx: Ctx, id: string): Promise<void> {
  await findWritable(ctx, id);
  await transact(ctx, async (tx) => {
    if (!(await repo.findLeader(tx, ctx.tenantId, id))) throw notFound('leader');
    await repo.deleteLeaderRow(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'leader.delete', objectType: 'leader', objectId: id });
  });
}

export async function exportLeaders(ctx: Ctx, locale: Locale): Promise<Buffer> {
  const h = (k: string) => t(locale, `people.leaderColumns.${k}`);
  return writeWorkbook<Leader>(t(locale, 'people.sheets.leaders'), [
    { header: h('name'), value: (l) => l.personName, width: 14 },
    { header: h('title'), value: (l) => l.title, width: 20 },
    { header: h('oversees'), value: (l) => l.oversees.map((o) => o.name).join(t(locale, 'people.listSeparator')), width: 40 },
    { header: h('sort'), value: (l) => l.sort, width: 8 },
  ], await listLeaders(ctx));
}
