import { sql, type Kysely } from 'kysely';
import { makeAppendOnly } from '../dialect.js';
import { index, tenantFk, tenantTable } from '../table.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tenantFk(
    tenantTable(db, 'signing_key')
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key_enc', 'text', (c) => c.notNull())
      .addColumn('endorsement', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text'),
    'signing_key_account', 'account_id', 'user_account',
  ).execute();
  await index(db, 'signing_key', ['tenant_id', 'account_id']);
  // One live key per account: two first signatures at once cannot leave the account with two.
  await db.schema.createIndex('signing_key_live_uq').on('signing_key').columns(['tenant_id', 'account_id']).unique().where(sql.ref('revoked_at'), 'is', null).execute();

  // No foreign key to clue: that table comes in the next migration. A step names its clue for good anyway.
  await tenantFk(
    tenantTable(db, 'clue_step')
      .addColumn('clue_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_account_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('facts_enc', 'text', (c) => c.notNull())
      .addColumn('facts_hash', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull()),
    'clue_step_actor', 'actor_account_id', 'user_account',
  ).execute();
  await index(db, 'clue_step', ['tenant_id', 'clue_id', 'seq'], true);
  await makeAppendOnly(db, 'clue_step');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clue_step').execute();
  await db.schema.dropTable('signing_key').execute();
}
