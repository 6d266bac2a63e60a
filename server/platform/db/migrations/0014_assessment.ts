import { sql, type Kysely } from 'kysely';
import { makeFrozen } from '../dialect.js';
import { index, tenantFk, tenantTable } from '../table.js';

export async function up(db: Kysely<any>): Promise<void> {
  // The definition (sections, indicators, rules) is one JSON document: it is saved and published whole.
  await tenantTable(db, 'assessment_rubric')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('unit', 'leader')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('max_total_centi', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await index(db, 'assessment_rubric', ['tenant_id', 'year']);
  await makeFrozen(db, 'assessment_rubric', ['created_at'], "status = 'published'");

  // Scores are kept in hundredths of a point (integers) so both databases add them up alike.
  let a = tenantTable(db, 'assessment')
    .addColumn('rubric_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('unit', 'leader')`))
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('self', 'review', 'grading', 'approved')`))
    .addColumn('self_total_centi', 'integer')
    .addColumn('review_total_centi', 'integer')
    .addColumn('final_total_centi', 'integer')
    .addColumn('grade', 'text', (c) => c.check(sql`grade in ('excellent', 'good', 'pass', 'fail')`))
    .addColumn('computed_grade', 'text', (c) => c.check(sql`computed_grade in ('excellent', 'good', 'pass', 'fail')`))
    .addColumn('approval_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('feeds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('feeds_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  a = tenantFk(a, 'assessment_rubric', 'rubric_id', 'assessment_rubric');
  a = tenantFk(a, 'assessment_org', 'org_id', 'org');
  a = tenantFk(a, 'assessment_person', 'person_id', 'person');
  a = tenantFk(a, 'assessment_approver', 'approved_by', 'user_account');
  await a.execute();
  await index(db, 'assessment', ['tenant_id', 'rubric_id', 'subject_key'], true);
  await index(db, 'assessment', ['tenant_id', 'year', 'subject_kind']);
  await index(db, 'assessment', ['tenant_id', 'org_id']);
  await index(db, 'assessment', ['tenant_id', 'person_id']);
  // 定等次 is final: the database refuses any change to an approved assessment, not only the routes.
  await makeFrozen(db, 'assessment', ['rubric_id', 'subject_key', 'year'], "status = 'approved'");

  let sheet = tenantTable(db, 'assessment_sheet')
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('self', 'review')`))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('saved_by', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull());
  sheet = tenantFk(sheet, 'assessment_sheet_assessment', 'assessment_id', 'assessment');
  sheet = tenantFk(sheet, 'assessment_sheet_saver', 'saved_by', 'user_account');
  await sheet.execute();
  await index(db, 'assessment_sheet', ['tenant_id', 'assessment_id', 'stage'], true);
  await makeFrozen(db, 'assessment_sheet', ['assessment_id', 'stage'], 'locked = 1');

  let ev = tenantTable(db, 'assessment_event')
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''));
  ev = tenantFk(ev, 'assessment_event_assessment', 'assessment_id', 'assessment');
  ev = tenantFk(ev, 'assessment_event_actor', 'actor_id', 'user_account');
  await ev.execute();
  await index(db, 'assessment_event', ['tenant_id', 'assessment_id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assessment_event', 'assessment_sheet', 'assessment', 'assessment_rubric']) await db.schema.dropTable(t).execute();
}
