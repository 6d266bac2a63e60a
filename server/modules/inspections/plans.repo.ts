import { sql } from 'kysely';
import type { PlanQuery } from '../../../contracts/inspections.js';
import type { Db, Tx } from '../../platform/context.js';
import { planVisible, type Reader } from './inspections.policy.js';
import type { InspectionPlanTable } from './inspections.tables.js';

export type PlanRow = InspectionPlanTable;

function visiblePlans(db: Db | Tx, r: Reader) {
  return db
    .selectFrom('inspection_plan as p')
    .innerJoin('checklist as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.checklist_id'))
    .where('p.tenant_id', '=', r.tenantId)
    .where((eb) => planVisible(eb, r));
}

function filtered(db: Db | Tx, r: Reader, q: PlanQuery) {
  let b = visiblePlans(db, r);
  if (q.kind) b = b.where('p.kind', '=', q.kind);
  if (q.status) b = b.where('p.status', '=', q.status);
  if (q.orgId) {
    const orgId = q.orgId;
    b = b.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('inspection_plan_org as po')
          .select('po.org_id')
          .whereRef('po.tenant_id', '=', 'p.tenant_id')
          .whereRef('po.plan_id', '=', 'p.id')
          .where('po.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId)),
      ),
    );
  }
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['p.title']), 'like', like), eb(eb.fn('lower', ['p.subject']), 'like', like)]));
  }
  return b;
}

const columns = [
  'p.tenant_id', 'p.id', 'p.title', 'p.kind', 'p.subject', 'p.checklist_id', 'p.period_start', 'p.period_end', 'p.status', 'p.draw_id',
  'p.created_by', 'p.created_at', 'p.updated_at', 'c.name as checklist_name',
  sql<number>`(select count(*) from inspection_record r where r.tenant_id = p.tenant_id and r.plan_id = p.id)`.as('records'),
  sql<number>`(select count(*) from inspection_finding f join inspection_record r on r.tenant_id = f.tenant_id and r.id = f.record_id where f.tenant_id = p.tenant_id and r.plan_id = p.id)`.as('findings'),
] as const;

export async function searchPlans(db: Db, r: Reader, q: PlanQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    filtered(db, r, q).select(columns).orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    filtered(db, r, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export function findVisiblePlan(db: Db | Tx, r: Reader, id: string) {
  return visiblePlans(db, r).select(columns).where('p.id', '=', id).executeTakeFirst();
}

export type PlanListRow = NonNullable<Awaited<ReturnType<typeof findVisiblePlan>>>;

export function findPlan(db: Db | Tx, tenantId: string, id: string) {
  return db.selectFrom('inspection_plan').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function targetsOf(db: Db | Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .selectFrom('inspection_plan_org as po')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'po.tenant_id').onRef('o.id', '=', 'po.org_id'))
    .select(['po.plan_id', 'o.id', 'o.name'])
    .where('po.tenant_id', '=', tenantId)
    .where('po.plan_id', 'in', planIds)
    .orderBy('o.sort')
    .orderBy('o.name')
    .execute();
}

export function inspectorsOf(db: Db | Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .selectFrom('inspection_plan_inspector as pi')
    .innerJoin('person as pe', (j) => j.onRef('pe.tenant_id', '=', 'pi.tenant_id').onRef('pe.id', '=', 'pi.person_id'))
    .select(['pi.plan_id', 'pe.id', 'pe.name'])
    .where('pi.tenant_id', '=', tenantId)
    .where('pi.plan_id', 'in', planIds)
    .orderBy('pe.name')
    .orderBy('pe.id')
    .execute();
}

export async function insertPlan(tx: Tx, row: PlanRow): Promise<void> {
  await tx.insertInto('inspection_plan').values(row).execute();
}

export async function updatePlanRow(tx: Tx, tenantId: string, id: string, patch: Partial<PlanRow>): Promise<void> {
  await tx.updateTable('inspection_plan').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceTargets(tx: Tx, tenantId: string, planId: string, orgIds: string[]): Promise<void> {
  await tx.deleteFrom('inspection_plan_org').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).execute();
  if (orgIds.length) await tx.insertInto('inspection_plan_org').values(orgIds.map((org_id) => ({ tenant_id: tenantId, plan_id: planId, org_id }))).execute();
}

export async function replaceInspectors(tx: Tx, tenantId: string, planId: string, personIds: string[]): Promise<void> {
  await tx.deleteFrom('inspection_plan_inspector').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).execute();
  if (personIds.length) await tx.insertInto('inspection_plan_inspector').values(personIds.map((person_id) => ({ tenant_id: tenantId, plan_id: planId, person_id }))).execute();
}

export async function isTarget(db: Db | Tx, tenantId: string, planId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('inspection_plan_org').select('org_id').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).where('org_id', '=', orgId).executeTakeFirst());
}
