import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

export async function up(db: Kysely<any>): Promise<void> {
  // 逐件编号: one yearly counter per tenant and register (rectification, complaints, clues, ...).
  await db.schema
    .createTable('sequence_counter')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenant.id'))
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequence_counter_pk', ['tenant_id', 'register', 'year'])
    .execute();

  let item = tenantTable(db, 'rectification_item')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('leader_id', 'text')
    .addColumn('owner_person_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'in_progress', 'awaiting_verification', 'closed')`))
    .addColumn('deadline_start', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('deadline_unit', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text');
  item = tenantFk(item, 'rectification_item_org', 'org_id', 'org');
  item = tenantFk(item, 'rectification_item_leader', 'leader_id', 'leader');
  item = tenantFk(item, 'rectification_item_owner', 'owner_person_id', 'person');
  await item.execute();
  await index(db, 'rectification_item', ['tenant_id', 'code'], true);
  await index(db, 'rectification_item', ['tenant_id', 'status', 'due_date']);
  await index(db, 'rectification_item', ['tenant_id', 'org_id']);
  await index(db, 'rectification_item', ['tenant_id', 'source_type', 'source_id']);
  await index(db, 'rectification_item', ['tenant_id', 'owner_person_id']);

  let measure = tenantTable(db, 'rectification_measure')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done')`))
    .addColumn('done_at', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''));
  measure = tenantFk(measure, 'rectification_measure_item', 'item_id', 'rectification_item', 'cascade');
  measure = tenantFk(measure, 'rectification_measure_owner', 'owner_person_id', 'person');
  await measure.execute();
  await index(db, 'rectification_measure', ['tenant_id', 'item_id']);
  await index(db, 'rectification_measure', ['tenant_id', 'owner_person_id']);

  let evidence = tenantTable(db, 'rectification_evidence')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull());
  evidence = tenantFk(evidence, 'rectification_evidence_measure', 'measure_id', 'rectification_measure', 'cascade');
  evidence = tenantFk(evidence, 'rectification_evidence_attachment', 'attachment_id', 'attachment');
  await evidence.execute();
  await index(db, 'rectification_evidence', ['tenant_id', 'item_id']);

  await tenantFk(
    tenantTable(db, 'rectification_extension')
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'approved', 'rejected')`))
      .addColumn('requested_by', 'text')
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo('')),
    'rectification_extension_item', 'item_id', 'rectification_item', 'cascade',
  ).execute();
  await index(db, 'rectification_extension', ['tenant_id', 'item_id']);

  await tenantFk(
    tenantTable(db, 'rectification_event')
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}')),
    'rectification_event_item', 'item_id', 'rectification_item', 'cascade',
  ).execute();
  await index(db, 'rectification_event', ['tenant_id', 'item_id', 'at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rectification_event', 'rectification_extension', 'rectification_evidence', 'rectification_measure', 'rectification_item', 'sequence_counter']) {
    await db.schema.dropTable(t).execute();
  }
}
