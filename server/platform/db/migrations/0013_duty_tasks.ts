import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

/**
 * 重点任务分解表: a yearly plan, its tasks as a tree down the org tree, the occurrences of recurring duties,
 * progress reports with their evidence, and each task's timeline. Progress is kept in basis points (0–10000)
 * so the weighted roll-up is the same integer arithmetic on both databases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await tenantFk(
    tenantTable(db, 'duty_plan')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'duty_plan_org', 'org_id', 'org',
  ).execute();
  await index(db, 'duty_plan', ['tenant_id', 'year']);
  await index(db, 'duty_plan', ['tenant_id', 'org_id']);

  let task = tenantTable(db, 'duty_task')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('leader_person_id', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull())
    // The org that assigned the task (the parent's org, or the plan's for a top-level task): its
    // duty:manage holders accept or return the reports.
    .addColumn('assigner_org_id', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('evidence_forms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight between 0 and 1000`))
    .addColumn('recurrence', 'text', (c) => c.notNull().check(sql`recurrence in ('none', 'monthly', 'quarterly', 'half_yearly', 'yearly')`))
    .addColumn('progress_bp', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress_bp between 0 and 10000`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('not_started', 'in_progress', 'submitted', 'completed')`))
    // Earliest due date still open (the deadline, or the first unfinished occurrence); null once completed.
    .addColumn('due_date', 'text')
    .addColumn('completed_at', 'text')
    // Once a deadline (or an occurrence's) passed with the work not done, the task counts as missed for
    // the year's assessment even when it is finished later.
    .addColumn('missed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`missed in (0, 1)`))
    .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  task = tenantFk(task, 'duty_task_plan', 'plan_id', 'duty_plan');
  task = tenantFk(task, 'duty_task_parent', 'parent_id', 'duty_task');
  task = tenantFk(task, 'duty_task_leader', 'leader_person_id', 'person');
  task = tenantFk(task, 'duty_task_org', 'org_id', 'org');
  task = tenantFk(task, 'duty_task_assigner_org', 'assigner_org_id', 'org');
  task = tenantFk(task, 'duty_task_owner', 'owner_person_id', 'person');
  await task.execute();
  await index(db, 'duty_task', ['tenant_id', 'plan_id', 'sort_key']);
  await index(db, 'duty_task', ['tenant_id', 'parent_id', 'seq']);
  await index(db, 'duty_task', ['tenant_id', 'org_id']);
  await index(db, 'duty_task', ['tenant_id', 'assigner_org_id']);
  await index(db, 'duty_task', ['tenant_id', 'leader_person_id']);
  await index(db, 'duty_task', ['tenant_id', 'owner_person_id']);
  await index(db, 'duty_task', ['tenant_id', 'due_date']);

  await db.schema
    .createTable('duty_task_co_org')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenant.id'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('duty_task_co_org_pk', ['tenant_id', 'task_id', 'org_id'])
    .addForeignKeyConstraint('duty_task_co_org_task_fk', ['tenant_id', 'task_id'], 'duty_task', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('duty_task_co_org_org_fk', ['tenant_id', 'org_id'], 'org', ['tenant_id', 'id'])
    .execute();
  await index(db, 'duty_task_co_org', ['tenant_id', 'org_id']);

  await tenantFk(
    tenantTable(db, 'duty_task_occurrence')
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('progress_bp', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress_bp between 0 and 10000`))
      .addColumn('pending_reports', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completed_at', 'text'),
    'duty_task_occurrence_task', 'task_id', 'duty_task', 'cascade',
  ).execute();
  await index(db, 'duty_task_occurrence', ['tenant_id', 'task_id', 'seq'], true);

  let report = tenantTable(db, 'duty_task_report')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_id', 'text')
    .addColumn('percent', 'integer', (c) => c.notNull().check(sql`percent between 0 and 100`))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'accepted', 'returned')`))
    .addColumn('reported_by', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''));
  report = tenantFk(report, 'duty_task_report_task', 'task_id', 'duty_task', 'cascade');
  report = tenantFk(report, 'duty_task_report_occurrence', 'occurrence_id', 'duty_task_occurrence', 'cascade');
  await report.execute();
  await index(db, 'duty_task_report', ['tenant_id', 'task_id', 'reported_at']);

  let evidence = tenantTable(db, 'duty_task_evidence')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull());
  evidence = tenantFk(evidence, 'duty_task_evidence_report', 'report_id', 'duty_task_report', 'cascade');
  evidence = tenantFk(evidence, 'duty_task_evidence_attachment', 'attachment_id', 'attachment');
  await evidence.execute();
  await index(db, 'duty_task_evidence', ['tenant_id', 'report_id']);
  await index(db, 'duty_task_evidence', ['tenant_id', 'attachment_id']);

  await tenantFk(
    tenantTable(db, 'duty_task_event')
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      // What makes a job's event once-only (e.g. the due date an overdue notice was for).
      .addColumn('dedupe', 'text'),
    'duty_task_event_task', 'task_id', 'duty_task', 'cascade',
  ).execute();
  await index(db, 'duty_task_event', ['tenant_id', 'task_id', 'at']);
  await db.schema.createIndex('duty_task_event_dedupe_uq').on('duty_task_event').columns(['tenant_id', 'task_id', 'kind', 'dedupe']).unique().where(sql.ref('dedupe'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['duty_task_event', 'duty_task_evidence', 'duty_task_report', 'duty_task_occurrence', 'duty_task_co_org', 'duty_task', 'duty_plan']) {
    await db.schema.dropTable(t).execute();
  }
}
