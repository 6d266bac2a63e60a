import { sql, type Kysely } from 'kysely';

/**
 * A person belongs to their primary org and may belong to others (a 党支部, a 党小组). Readers reach people
 * through any org they belong to, so the people list must find those who belong to an org other than
 * through their primary one; `is_primary` marks the one membership row that mirrors `person.primary_org_id`,
 * and the (tenant, org, is_primary, person) index then answers "other members of these orgs" as a range
 * instead of every member of the orgs. The index still starts with (tenant, org), so it replaces the
 * membership-by-org index (and serves the org foreign key). At most one membership per person is primary.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('person_org')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_primary in (0, 1)`))
    .execute();
  await sql`update person_org set is_primary = 1 where exists (
    select 1 from person where person.tenant_id = person_org.tenant_id and person.id = person_org.person_id and person.primary_org_id = person_org.org_id
  )`.execute(db);
  await db.schema.createIndex('person_org_by_org_kind_ix').on('person_org').columns(['tenant_id', 'org_id', 'is_primary', 'person_id']).execute();
  await db.schema.createIndex('person_org_one_primary_uq').on('person_org').columns(['tenant_id', 'person_id']).unique().where(sql.ref('is_primary'), '=', 1).execute();
  await db.schema.dropIndex('person_org_by_org_ix').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_org_by_org_ix').on('person_org').columns(['tenant_id', 'org_id', 'person_id']).execute();
  await db.schema.dropIndex('person_org_one_primary_uq').execute();
  await db.schema.dropIndex('person_org_by_org_kind_ix').execute();
  await db.schema.alterTable('person_org').dropColumn('is_primary').execute();
}
