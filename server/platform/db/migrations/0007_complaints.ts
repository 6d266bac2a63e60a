import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

export async function up(db: Kysely<any>): Promise<void> {
  // Attachments a module asks to keep encrypted (complaint evidence) are stored as SM4 envelopes.
  await db.schema.alterTable('attachment').addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await tenantTable(db, 'complaint_category')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'complaint_category', ['tenant_id', 'code'], true);

  let matter = tenantTable(db, 'complaint_matter')
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_org_id', 'text', (c) => c.notNull())
    .addColumn('assign_days', 'integer')
    .addColumn('answer_days', 'integer')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  matter = tenantFk(matter, 'complaint_matter_category', 'category_id', 'complaint_category');
  matter = tenantFk(matter, 'complaint_matter_org', 'responsible_org_id', 'org');
  await matter.execute();
  await index(db, 'complaint_matter', ['tenant_id', 'category_id']);

  let complaint = tenantTable(db, 'complaint')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('portal', 'phone', 'letter', 'visit', 'referral')`))
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('submitted', 'assigned', 'dispatched', 'in_progress', 'answered', 'rated', 'closed', 'rejected')`),
    )
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('reporter_name_enc', 'text')
    .addColumn('reporter_mobile_enc', 'text')
    .addColumn('referral_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('receipt_hash', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('answer_enc', 'text')
    .addColumn('rejection_reason_enc', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('due_date', 'text')
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intake_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull());
  complaint = tenantFk(complaint, 'complaint_category', 'category_id', 'complaint_category');
  complaint = tenantFk(complaint, 'complaint_matter', 'matter_id', 'complaint_matter');
  complaint = tenantFk(complaint, 'complaint_org', 'org_id', 'org');
  complaint = tenantFk(complaint, 'complaint_responsible_org', 'responsible_org_id', 'org');
  await complaint.execute();
  await index(db, 'complaint', ['tenant_id', 'code'], true);
  // A receipt code's slow hash is deterministic per tenant, so it is also the lookup key.
  await index(db, 'complaint', ['tenant_id', 'receipt_hash'], true);
  await index(db, 'complaint', ['tenant_id', 'status', 'submitted_at']);
  await index(db, 'complaint', ['tenant_id', 'responsible_org_id', 'status']);
  await index(db, 'complaint', ['tenant_id', 'org_id']);
  await index(db, 'complaint', ['tenant_id', 'case_id']);

  const child = (name: string) => tenantFk(tenantTable(db, name).addColumn('complaint_id', 'text', (c) => c.notNull()), `${name}_complaint`, 'complaint_id', 'complaint', 'cascade');

  await child('complaint_event')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'internal')`))
    .execute();
  await index(db, 'complaint_event', ['tenant_id', 'complaint_id', 'at']);

  await child('complaint_message')
    .addColumn('author', 'text', (c) => c.notNull().check(sql`author in ('reporter', 'handler')`))
    .addColumn('author_user_id', 'text')
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'internal')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'complaint_message', ['tenant_id', 'complaint_id', 'at']);

  await child('complaint_rating')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull().check(sql`rating in ('satisfied', 'basically_satisfied', 'dissatisfied')`))
    .addColumn('comment_enc', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'complaint_rating', ['tenant_id', 'complaint_id', 'round'], true);

  await child('complaint_extension')
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'approved', 'rejected')`))
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await child('complaint_recusal')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('accused_org_chain', 'named')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'complaint_recusal', ['tenant_id', 'complaint_id', 'person_id'], true);

  await db.schema
    .createTable('complaint_named_person')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_named_person_pk', ['tenant_id', 'complaint_id', 'person_id'])
    .addForeignKeyConstraint('complaint_named_person_complaint_fk', ['tenant_id', 'complaint_id'], 'complaint', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('complaint_named_person_person_fk', ['tenant_id', 'person_id'], 'person', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('complaint_reporter_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('complaint_reporter_session_complaint_fk', ['tenant_id', 'complaint_id'], 'complaint', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await child('complaint_identity_view')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'complaint_identity_view', 'complaint_reporter_session', 'complaint_named_person', 'complaint_recusal', 'complaint_extension',
    'complaint_rating', 'complaint_message', 'complaint_event', 'complaint', 'complaint_matter', 'complaint_category',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('attachment').dropColumn('encrypted').execute();
}
