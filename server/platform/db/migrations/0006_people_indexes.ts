import type { Kysely } from 'kysely';

/**
 * The people list pages in (name, id) order either within one primary org or across the tenant, filters by
 * status, gender and political status, and counts exactly. These indexes hold every column that takes, so
 * a page and its count never touch the table; the org filter reads members by org from `person_org`.
 * They replace the narrower indexes they start with. A narrow (tenant, status, primary org) index keeps the
 * count under the list's default filter (active people) a short range scan even across the whole tenant.
 */
const FILTERED = ['status', 'gender', 'political_status'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_by_org_name_ix').on('person').columns(['tenant_id', 'primary_org_id', 'name', 'id', ...FILTERED]).execute();
  await db.schema.createIndex('person_by_name_ix').on('person').columns(['tenant_id', 'name', 'id', 'primary_org_id', ...FILTERED]).execute();
  await db.schema.createIndex('person_by_status_ix').on('person').columns(['tenant_id', 'status', 'primary_org_id']).execute();
  await db.schema.createIndex('person_org_by_org_ix').on('person_org').columns(['tenant_id', 'org_id', 'person_id']).execute();
  await db.schema.dropIndex('person_tenant_id_primary_org_id_name_ix').execute();
  await db.schema.dropIndex('person_tenant_id_name_ix').execute();
  await db.schema.dropIndex('person_org_tenant_id_org_id_ix').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_tenant_id_primary_org_id_name_ix').on('person').columns(['tenant_id', 'primary_org_id', 'name']).execute();
  await db.schema.createIndex('person_tenant_id_name_ix').on('person').columns(['tenant_id', 'name']).execute();
  await db.schema.createIndex('person_org_tenant_id_org_id_ix').on('person_org').columns(['tenant_id', 'org_id']).execute();
  await db.schema.dropIndex('person_by_org_name_ix').execute();
  await db.schema.dropIndex('person_by_name_ix').execute();
  await db.schema.dropIndex('person_by_status_ix').execute();
  await db.schema.dropIndex('person_org_by_org_ix').execute();
}
