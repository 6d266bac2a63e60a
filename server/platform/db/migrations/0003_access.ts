import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

const ROLE_KINDS = "'business','system','security','audit'";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('permission')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${ROLE_KINDS},'common')`)))
    .addUniqueConstraint('permission_code_kind_uq', ['code', 'kind'])
    .execute();

  await tenantFk(
    tenantTable(db, 'user_account')
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('username_norm', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${ROLE_KINDS})`)))
      .addColumn('password_hash', 'text')
      .addColumn('password_changed_at', 'text')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('mfa_secret', 'text')
      .addColumn('mfa_enrolled_at', 'text')
      .addColumn('mfa_last_step', 'bigint')
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('user_account_kind_uq', ['tenant_id', 'id', 'kind']),
    'user_account_person', 'person_id', 'person',
  ).execute();
  await index(db, 'user_account', ['tenant_id', 'username_norm'], true);
  await index(db, 'user_account', ['tenant_id', 'person_id']);

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('mfa_ok', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_ip', 'text')
    .addForeignKeyConstraint('session_user_fk', ['tenant_id', 'user_id'], 'user_account', ['tenant_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await index(db, 'session', ['tenant_id', 'user_id']);

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await tenantFk(
    tenantTable(db, 'password_history')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
    'password_history_user', 'user_id', 'user_account', 'cascade',
  ).execute();
  await index(db, 'password_history', ['tenant_id', 'user_id']);

  await tenantFk(
    tenantTable(db, 'mfa_recovery_code')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text'),
    'mfa_recovery_user', 'user_id', 'user_account', 'cascade',
  ).execute();
  await index(db, 'mfa_recovery_code', ['tenant_id', 'user_id']);

  await db.schema
    .createTable('setup_token')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenant.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await tenantTable(db, 'role')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${ROLE_KINDS})`)))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('role_kind_uq', ['tenant_id', 'id', 'kind'])
    .execute();
  await index(db, 'role', ['tenant_id', 'code'], true);

  // The pairing rule of 三员分立 lives in the schema: a permission reaches a role only when its kind is
  // `common` or equals the role's kind, and both kinds are pinned by foreign keys.
  await db.schema
    .createTable('role_permission')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('role_kind', 'text', (c) => c.notNull())
    .addColumn('permission_code', 'text', (c) => c.notNull())
    .addColumn('permission_kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permission_pk', ['tenant_id', 'role_id', 'permission_code'])
    .addForeignKeyConstraint('role_permission_role_fk', ['tenant_id', 'role_id', 'role_kind'], 'role', ['tenant_id', 'id', 'kind'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('role_permission_perm_fk', ['permission_code', 'permission_kind'], 'permission', ['code', 'kind'])
    .addCheckConstraint('role_permission_kind_ck', sql`permission_kind = 'common' or permission_kind = role_kind`)
    .execute();

  // One column `kind` is pinned to both the account and the role: an account has one kind, so it can
  // hold at most one of the three administrator roles and never a business role beside it.
  await tenantTable(db, 'role_assignment')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull().check(sql`scope_kind in ('tenant', 'subtree', 'org', 'self')`))
    .addColumn('scope_org_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addForeignKeyConstraint('role_assignment_user_fk', ['tenant_id', 'user_id', 'kind'], 'user_account', ['tenant_id', 'id', 'kind'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('role_assignment_role_fk', ['tenant_id', 'role_id', 'kind'], 'role', ['tenant_id', 'id', 'kind'])
    .addForeignKeyConstraint('role_assignment_org_fk', ['tenant_id', 'scope_org_id'], 'org', ['tenant_id', 'id'])
    .addCheckConstraint('role_assignment_scope_ck', sql`(scope_kind in ('subtree', 'org')) = (scope_org_id is not null)`)
    .execute();
  await index(db, 'role_assignment', ['tenant_id', 'user_id', 'role_id', 'scope_kind', 'scope_org_id'], true);

  await tenantFk(
    tenantTable(db, 'record_grant')
      .addColumn('object_type', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('grant_kind', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text'),
    'record_grant_user', 'user_id', 'user_account', 'cascade',
  ).execute();
  await index(db, 'record_grant', ['tenant_id', 'object_type', 'object_id']);
  await index(db, 'record_grant', ['tenant_id', 'user_id', 'object_type']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['record_grant', 'role_assignment', 'role_permission', 'role', 'setup_token', 'mfa_recovery_code', 'password_history', 'login_throttle', 'session', 'user_account', 'permission']) {
    await db.schema.dropTable(t).execute();
  }
}
