import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

const inList = (column: string, values: readonly string[]) => sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

const SOURCES = ['letter', 'visit', 'phone', 'online_12388', 'referral_upper', 'supervision', 'inspection_audit'];
const CATEGORIES = ['political', 'organizational', 'integrity', 'mass', 'work', 'life'];
const STATUSES = [
  'registered', 'accepted', 'not_accepted', 'forwarded_up', 'forwarded_down', 'repeat',
  'proposed', 'studied', 'approved', 'in_disposal', 'shelved', 'transferred', 'concluded', 'outcome_recorded', 'closed',
];

export async function up(db: Kysely<any>): Promise<void> {
  let clue = tenantTable(db, 'clue')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(inList('source', SOURCES)))
    .addColumn('named', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(inList('category', CATEGORIES)))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', STATUSES)))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text')
    .addColumn('reported_person_id', 'text')
    .addColumn('reported_name_enc', 'text')
    .addColumn('reported_org_id', 'text', (c) => c.notNull())
    .addColumn('reported_level', 'text', (c) => c.notNull().check(sql`reported_level in ('division', 'section', 'below')`))
    .addColumn('summary_enc', 'text')
    .addColumn('content_enc', 'text')
    .addColumn('reporter_name_enc', 'text')
    .addColumn('reporter_mobile_enc', 'text')
    .addColumn('reporter_unit_enc', 'text')
    .addColumn('repeat_of', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('scope_decision', 'text', (c) => c.check(sql`scope_decision in ('accept', 'not_accept', 'forward_up', 'forward_down', 'repeat')`))
    .addColumn('scope_decided_on', 'text')
    .addColumn('scope_decided_by', 'text')
    .addColumn('scope_reason_enc', 'text')
    .addColumn('forward_recipient', 'text')
    .addColumn('forward_ack_due', 'text')
    .addColumn('forward_ack_on', 'text')
    .addColumn('forward_ack_note_enc', 'text')
    .addColumn('erased_at', 'text')
    // Kept by the disposal services (C) for the ledgers and statistics, so lists need no join into their tables.
    .addColumn('method', 'text', (c) => c.check(sql`method in ('talk_inquiry', 'preliminary_check', 'shelve', 'close', 'transfer')`))
    .addColumn('outcome_form', 'integer', (c) => c.check(sql`outcome_form between 1 and 4`))
    .addColumn('outcome_measure', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('acceptance_notice_on', 'text')
    .addColumn('result_notice_on', 'text')
    .addColumn('disposal_due', 'text')
    .addColumn('disposal_due_kind', 'text')
    .addColumn('step_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_head', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull());
  clue = tenantFk(clue, 'clue_reported_person', 'reported_person_id', 'person');
  clue = tenantFk(clue, 'clue_reported_org', 'reported_org_id', 'org');
  clue = tenantFk(clue, 'clue_repeat_of', 'repeat_of', 'clue');
  clue = tenantFk(clue, 'clue_complaint', 'complaint_id', 'complaint');
  clue = tenantFk(clue, 'clue_registered_by', 'registered_by', 'user_account');
  await clue.execute();
  await index(db, 'clue', ['tenant_id', 'code'], true);
  await index(db, 'clue', ['tenant_id', 'year', 'received_on']);
  await index(db, 'clue', ['tenant_id', 'repeat_of']);

  let access = tenantTable(db, 'clue_access')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'handler', 'approver', 'registrar')`))
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text')
    .addColumn('removed_at', 'text');
  access = tenantFk(access, 'clue_access_clue', 'clue_id', 'clue', 'cascade');
  access = tenantFk(access, 'clue_access_account', 'account_id', 'user_account');
  await access.execute();
  // Every list starts from the caller's rows here.
  await index(db, 'clue_access', ['tenant_id', 'account_id', 'clue_id']);
  await index(db, 'clue_access', ['tenant_id', 'clue_id']);

  let request = tenantTable(db, 'clue_identity_request')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('handling', 'referral')`))
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'refused')`))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason_enc', 'text')
    .addColumn('grant_until', 'text');
  request = tenantFk(request, 'clue_identity_request_clue', 'clue_id', 'clue', 'cascade');
  request = tenantFk(request, 'clue_identity_request_requester', 'requester_id', 'user_account');
  await request.execute();
  await index(db, 'clue_identity_request', ['tenant_id', 'clue_id', 'requester_id']);
  await index(db, 'clue_identity_request', ['tenant_id', 'status', 'requested_at']);

  let view = tenantTable(db, 'clue_identity_view')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('purpose_enc', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull());
  view = tenantFk(view, 'clue_identity_view_clue', 'clue_id', 'clue', 'cascade');
  view = tenantFk(view, 'clue_identity_view_request', 'request_id', 'clue_identity_request');
  await view.execute();
  await index(db, 'clue_identity_view', ['tenant_id', 'clue_id']);

  await db.schema.alterTable('complaint').addColumn('clue_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint').dropColumn('clue_id').execute();
  for (const t of ['clue_identity_view', 'clue_identity_request', 'clue_access', 'clue']) await db.schema.dropTable(t).execute();
}
