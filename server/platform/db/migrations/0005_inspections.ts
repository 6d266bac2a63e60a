import { sql, type Kysely } from 'kysely';
import { makeFrozen } from '../dialect.js';
import { index, tenantFk, tenantTable } from '../table.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tenantTable(db, 'checklist')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('eight_rules', 'three_major', 'three_public', 'custom')`))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'checklist', ['tenant_id', 'code'], true);

  await tenantFk(
    tenantTable(db, 'checklist_item')
      .addColumn('checklist_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('guidance', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0)),
    'checklist_item_checklist', 'checklist_id', 'checklist', 'cascade',
  ).execute();
  await index(db, 'checklist_item', ['tenant_id', 'checklist_id']);

  await db.schema
    .createTable('random_draw')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenant.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('seed_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('committed', 'drawn')`))
    .addColumn('seed', 'text')
    .addColumn('public_entropy', 'text')
    .addColumn('selection', 'text')
    .addColumn('committed_by', 'text')
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('drawn_by', 'text')
    .addColumn('drawn_at', 'text')
    .addPrimaryKeyConstraint('random_draw_pk', ['tenant_id', 'id'])
    .execute();
  await makeFrozen(db, 'random_draw', ['tenant_id', 'id', 'plan_id', 'purpose', 'algorithm', 'pool', 'commitment', 'seed_enc', 'committed_by', 'committed_at'], "status = 'drawn'");

  let plan = tenantTable(db, 'inspection_plan')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('routine', 'random_check', 'unannounced_visit')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('checklist_id', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'completed')`))
    .addColumn('draw_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  plan = tenantFk(plan, 'inspection_plan_checklist', 'checklist_id', 'checklist');
  plan = tenantFk(plan, 'inspection_plan_draw', 'draw_id', 'random_draw');
  await plan.execute();

  for (const [table, col, ref] of [['inspection_plan_org', 'org_id', 'org'], ['inspection_plan_inspector', 'person_id', 'person']] as const) {
    await db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn(col, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['tenant_id', 'plan_id', col])
      .addForeignKeyConstraint(`${table}_plan_fk`, ['tenant_id', 'plan_id'], 'inspection_plan', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
      .addForeignKeyConstraint(`${table}_ref_fk`, ['tenant_id', col], ref, ['tenant_id', 'id'])
      .execute();
  }

  let record = tenantTable(db, 'inspection_record')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('unannounced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  record = tenantFk(record, 'inspection_record_plan', 'plan_id', 'inspection_plan', 'cascade');
  record = tenantFk(record, 'inspection_record_org', 'org_id', 'org');
  await record.execute();
  await index(db, 'inspection_record', ['tenant_id', 'plan_id']);

  await db.schema
    .createTable('inspection_record_inspector')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_record_inspector_pk', ['tenant_id', 'record_id', 'person_id'])
    .addForeignKeyConstraint('inspection_record_inspector_record_fk', ['tenant_id', 'record_id'], 'inspection_record', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('inspection_record_inspector_person_fk', ['tenant_id', 'person_id'], 'person', ['tenant_id', 'id'])
    .execute();

  let result = tenantTable(db, 'inspection_result')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('checklist_item_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pass', 'fail', 'na')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''));
  result = tenantFk(result, 'inspection_result_record', 'record_id', 'inspection_record', 'cascade');
  result = tenantFk(result, 'inspection_result_item', 'checklist_item_id', 'checklist_item');
  await result.execute();
  await index(db, 'inspection_result', ['tenant_id', 'record_id', 'checklist_item_id'], true);

  let finding = tenantTable(db, 'inspection_finding')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('checklist_item_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('rectification_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull());
  finding = tenantFk(finding, 'inspection_finding_record', 'record_id', 'inspection_record', 'cascade');
  finding = tenantFk(finding, 'inspection_finding_item', 'checklist_item_id', 'checklist_item');
  await finding.execute();
  await index(db, 'inspection_finding', ['tenant_id', 'record_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inspection_finding', 'inspection_result', 'inspection_record_inspector', 'inspection_record', 'inspection_plan_inspector', 'inspection_plan_org', 'inspection_plan', 'random_draw', 'checklist_item', 'checklist']) {
    await db.schema.dropTable(t).execute();
  }
}
