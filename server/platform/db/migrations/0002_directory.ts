import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

const ORG_KINDS = "'party_general_branch','party_branch','party_group','bureau','subordinate_unit','section'";

export async function up(db: Kysely<any>): Promise<void> {
  await tenantFk(
    tenantTable(db, 'org')
      .addColumn('parent_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${ORG_KINDS})`)))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'org_parent', 'parent_id', 'org',
  ).execute();
  await index(db, 'org', ['tenant_id', 'parent_id']);

  await db.schema
    .createTable('org_closure')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ancestor_id', 'text', (c) => c.notNull())
    .addColumn('descendant_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_closure_pk', ['tenant_id', 'ancestor_id', 'descendant_id'])
    .addForeignKeyConstraint('org_closure_anc_fk', ['tenant_id', 'ancestor_id'], 'org', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('org_closure_desc_fk', ['tenant_id', 'descendant_id'], 'org', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await index(db, 'org_closure', ['tenant_id', 'descendant_id']);

  await tenantFk(
    tenantTable(db, 'person')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('male', 'female')`))
      .addColumn('birth_date', 'text')
      .addColumn('political_status', 'text', (c) => c.notNull())
      .addColumn('party_join_date', 'text')
      .addColumn('id_number_enc', 'text')
      .addColumn('id_number_bidx', 'text')
      .addColumn('mobile_enc', 'text')
      .addColumn('mobile_bidx', 'text')
      .addColumn('primary_org_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'person_org', 'primary_org_id', 'org',
  ).execute();
  await index(db, 'person', ['tenant_id', 'primary_org_id', 'name']);
  await index(db, 'person', ['tenant_id', 'name']);
  await index(db, 'person', ['tenant_id', 'id_number_bidx']);
  await index(db, 'person', ['tenant_id', 'mobile_bidx']);

  await db.schema
    .createTable('person_org')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_org_pk', ['tenant_id', 'person_id', 'org_id'])
    .addForeignKeyConstraint('person_org_person_fk', ['tenant_id', 'person_id'], 'person', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('person_org_org_fk', ['tenant_id', 'org_id'], 'org', ['tenant_id', 'id'])
    .execute();
  await index(db, 'person_org', ['tenant_id', 'org_id']);

  await tenantFk(
    tenantTable(db, 'post')
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'post_org', 'org_id', 'org',
  ).execute();
  await index(db, 'post', ['tenant_id', 'org_id']);

  await db.schema
    .createTable('person_post')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_post_pk', ['tenant_id', 'person_id', 'post_id'])
    .addForeignKeyConstraint('person_post_person_fk', ['tenant_id', 'person_id'], 'person', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('person_post_post_fk', ['tenant_id', 'post_id'], 'post', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await index(db, 'person_post', ['tenant_id', 'post_id']);

  await tenantFk(
    tenantTable(db, 'leader')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'leader_person', 'person_id', 'person',
  ).execute();
  await index(db, 'leader', ['tenant_id', 'person_id'], true);

  await db.schema
    .createTable('leader_oversight')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('leader_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leader_oversight_pk', ['tenant_id', 'leader_id', 'org_id'])
    .addForeignKeyConstraint('leader_oversight_leader_fk', ['tenant_id', 'leader_id'], 'leader', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('leader_oversight_org_fk', ['tenant_id', 'org_id'], 'org', ['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['leader_oversight', 'leader', 'person_post', 'post', 'person_org', 'person', 'org_closure', 'org']) {
    await db.schema.dropTable(t).execute();
  }
}
