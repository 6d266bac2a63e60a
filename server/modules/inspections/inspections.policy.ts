import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx, Db, Scope, Tx } from '../../platform/context.js';
import { orgInScope, scopeFilter, scopeOf } from '../../platform/access/scope.js';
import { AppError } from '../../platform/http/errors.js';
import type { DB } from '../../schema.js';

/**
 * Who sees inspections: holders of inspection:read within their scope, and the people named as
 * inspectors of a plan or a record — an inspector always sees the work they were sent to do.
 */
export interface Reader {
  tenantId: string;
  scope: Scope | null;
  personId: string | null;
}

export function personOf(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.personId : null;
}

export function readerOf(ctx: Ctx): Reader {
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx.actor, 'inspection:read'), personId: personOf(ctx) };
}

type Eb = ExpressionBuilder<any, any>;
const inScope = (eb: Eb, r: Reader, column: string) => scopeFilter(eb as ExpressionBuilder<DB, keyof DB>, r.tenantId, r.scope, { org: column }, null);

/** A record (alias `r`) the reader may see. */
export function recordVisible(eb: Eb, r: Reader): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [inScope(eb, r, 'r.org_id')];
  if (r.personId) {
    ors.push(sql<SqlBool>`exists (select 1 from inspection_record_inspector ri where ri.tenant_id = r.tenant_id and ri.record_id = r.id and ri.person_id = ${r.personId})`);
    ors.push(sql<SqlBool>`exists (select 1 from inspection_plan_inspector pi where pi.tenant_id = r.tenant_id and pi.plan_id = r.plan_id and pi.person_id = ${r.personId})`);
  }
  return eb.or(ors);
}

/** A plan (alias `p`) the reader may see: one of its targets or records lies in their scope, or they inspect in it. */
export function planVisible(eb: Eb, r: Reader): Expression<SqlBool> {
  if (r.scope?.all) return sql<SqlBool>`1 = 1`;
  const ors: Expression<SqlBool>[] = [
    sql<SqlBool>`exists (select 1 from inspection_plan_org po where po.tenant_id = p.tenant_id and po.plan_id = p.id and ${inScope(eb, r, 'po.org_id')})`,
    sql<SqlBool>`exists (select 1 from inspection_record r where r.tenant_id = p.tenant_id and r.plan_id = p.id and ${inScope(eb, r, 'r.org_id')})`,
  ];
  if (r.personId) {
    ors.push(sql<SqlBool>`exists (select 1 from inspection_plan_inspector pi where pi.tenant_id = p.tenant_id and pi.plan_id = p.id and pi.person_id = ${r.personId})`);
    ors.push(
      sql<SqlBool>`exists (select 1 from inspection_record r join inspection_record_inspector ri on ri.tenant_id = r.tenant_id and ri.record_id = r.id where r.tenant_id = p.tenant_id and r.plan_id = p.id and ri.person_id = ${r.personId})`,
    );
  }
  return eb.or(ors);
}

async function isInspector(db: Db | Tx, tenantId: string, personId: string, planId: string, recordId: string | null): Promise<boolean> {
  const onPlan = await db.selectFrom('inspection_plan_inspector').select('person_id').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).where('person_id', '=', personId).executeTakeFirst();
  if (onPlan || !recordId) return !!onPlan;
  const onRecord = await db.selectFrom('inspection_record_inspector').select('person_id').where('tenant_id', '=', tenantId).where('record_id', '=', recordId).where('person_id', '=', personId).executeTakeFirst();
  return !!onRecord;
}

/**
 * Recording at an org (creating the record, entering results and findings) is for holders of
 * inspection:conduct reaching that org, or for a person named as inspector of the plan or the record.
 */
export async function mayRecord(db: Db | Tx, ctx: Ctx, at: { orgId: string; planId: string; recordId: string | null }): Promise<boolean> {
  if (await orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, 'inspection:conduct'), at.orgId)) return true;
  const me = personOf(ctx);
  return !!me && (await isInspector(db, ctx.tenantId, me, at.planId, at.recordId));
}

/** Turning a finding into a rectification item issues work to the org: it takes both managing rights there. */
export async function mayRectify(db: Db | Tx, ctx: Ctx, orgId: string): Promise<boolean> {
  for (const p of ['inspection:manage', 'rectification:manage'] as const) if (!(await orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, p), orgId))) return false;
  return true;
}

/** Every org the caller names must lie in their scope for the permission; otherwise the write is refused. */
export async function authorizeOrgs(db: Db | Tx, ctx: Ctx, permission: Permission, orgIds: string[]): Promise<void> {
  const scope = scopeOf(ctx.actor, permission);
  for (const id of new Set(orgIds)) if (!(await orgInScope(db, ctx.tenantId, scope, id))) throw new AppError('FORBIDDEN');
}

/** Checklists are read by whoever manages them or works with inspections. */
export function authorizeChecklistRead(ctx: Ctx): void {
  const perms: Permission[] = ['checklist:manage', 'inspection:read', 'inspection:manage'];
  if (!perms.some((p) => scopeOf(ctx.actor, p))) throw new AppError('FORBIDDEN');
}
