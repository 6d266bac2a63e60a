import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/context.js';
import { recordVisible, type Reader } from './inspections.policy.js';
import type { InspectionFindingTable, InspectionRecordTable, InspectionResultTable } from './inspections.tables.js';

export type RecordRow = InspectionRecordTable;
export type ResultRow = InspectionResultTable;
export type FindingRow = InspectionFindingTable;

function records(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('inspection_record as r')
    .innerJoin('inspection_plan as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.plan_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.org_id'))
    .select([
      'r.id', 'r.plan_id', 'r.org_id', 'o.name as org_name', 'r.inspected_on', 'r.unannounced', 'r.summary', 'r.status', 'r.created_at',
      'p.title as plan_title', 'p.checklist_id', 'p.status as plan_status',
    ])
    .where('r.tenant_id', '=', tenantId);
}

export type RecordView = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export function findRecord(db: Db | Tx, tenantId: string, id: string) {
  return records(db, tenantId).where('r.id', '=', id).executeTakeFirst();
}

export async function isVisible(db: Db | Tx, reader: Reader, id: string): Promise<boolean> {
  return !!(await db.selectFrom('inspection_record as r').select('r.id').where('r.tenant_id', '=', reader.tenantId).where('r.id', '=', id).where((eb) => recordVisible(eb, reader)).executeTakeFirst());
}

export function visibleRecordsOfPlan(db: Db | Tx, reader: Reader, planId: string) {
  return records(db, reader.tenantId)
    .where('r.plan_id', '=', planId)
    .where((eb) => recordVisible(eb, reader))
    .orderBy('r.inspected_on')
    .orderBy('o.sort')
    .orderBy('r.id')
    .execute();
}

export function inspectorsOf(db: Db | Tx, tenantId: string, recordIds: string[]) {
  if (!recordIds.length) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_inspector as ri')
    .innerJoin('person as pe', (j) => j.onRef('pe.tenant_id', '=', 'ri.tenant_id').onRef('pe.id', '=', 'ri.person_id'))
    .select(['ri.record_id', 'pe.id', 'pe.name'])
    .where('ri.tenant_id', '=', tenantId)
    .where('ri.record_id', 'in', recordIds)
    .orderBy('pe.name')
    .orderBy('pe.id')
    .execute();
}

/** Pass / fail / n.a. and findings per record, for the plan's record list. */
export async function countsOf(db: Db | Tx, tenantId: string, recordIds: string[]) {
  if (!recordIds.length) return { results: [], findings: [] };
  const [results, findings] = await Promise.all([
    db
      .selectFrom('inspection_result')
      .select(['record_id', 'result', sql<number>`count(*)`.as('n')])
      .where('tenant_id', '=', tenantId)
      .where('record_id', 'in', recordIds)
      .groupBy(['record_id', 'result'])
      .execute(),
    db.selectFrom('inspection_finding').select(['record_id', sql<number>`count(*)`.as('n')]).where('tenant_id', '=', tenantId).where('record_id', 'in', recordIds).groupBy('record_id').execute(),
  ]);
  return { results, findings };
}

/** Every answered item of a record with the text it was answered against (retired items included). */
export function resultsOf(db: Db | Tx, tenantId: string, recordId: string) {
  return db
    .selectFrom('inspection_result as s')
    .innerJoin('checklist_item as i', (j) => j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.checklist_item_id'))
    .select(['s.id', 's.checklist_item_id', 's.result', 's.note', 'i.seq', 'i.text', 'i.retired'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.record_id', '=', recordId)
    .execute();
}

export function findingsOf(db: Db | Tx, tenantId: string, recordId: string) {
  return db.selectFrom('inspection_finding').selectAll().where('tenant_id', '=', tenantId).where('record_id', '=', recordId).orderBy('created_at').orderBy('id').execute();
}

export function findFinding(db: Db | Tx, tenantId: string, recordId: string, id: string) {
  return db.selectFrom('inspection_finding').selectAll().where('tenant_id', '=', tenantId).where('record_id', '=', recordId).where('id', '=', id).executeTakeFirst();
}

/** The record a result belongs to (attachments hang on results). */
export async function recordOfResult(db: Db | Tx, tenantId: string, resultId: string): Promise<string | null> {
  const r = await db.selectFrom('inspection_result').select('record_id').where('tenant_id', '=', tenantId).where('id', '=', resultId).executeTakeFirst();
  return r?.record_id ?? null;
}

export async function insertRecord(tx: Tx, row: RecordRow, inspectorIds: string[]): Promise<void> {
  await tx.insertInto('inspection_record').values(row).execute();
  await tx.insertInto('inspection_record_inspector').values(inspectorIds.map((person_id) => ({ tenant_id: row.tenant_id, record_id: row.id, person_id }))).execute();
}

export async function updateRecordRow(tx: Tx, tenantId: string, id: string, patch: Partial<RecordRow>): Promise<void> {
  await tx.updateTable('inspection_record').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** One answer per item and record: saving again overwrites it and keeps its id (photos hang on it). */
export async function upsertResult(tx: Tx, row: ResultRow): Promise<string> {
  const r = await tx
    .insertInto('inspection_result')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'record_id', 'checklist_item_id']).doUpdateSet({ result: row.result, note: row.note }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertFinding(tx: Tx, row: FindingRow): Promise<void> {
  await tx.insertInto('inspection_finding').values(row).execute();
}

/** Links a finding to its rectification item unless it already has one; false when it had. */
export async function linkFinding(tx: Tx, tenantId: string, id: string, rectificationId: string): Promise<boolean> {
  const r = await tx
    .updateTable('inspection_finding')
    .set({ rectification_id: rectificationId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('rectification_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
