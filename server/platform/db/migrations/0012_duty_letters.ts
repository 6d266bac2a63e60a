import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import { index, tenantFk, tenantTable } from '../table.js';

const LEVELS = sql`in ('bureau', 'unit', 'section', 'branch')`;

/** What every party signed: none of it may change once someone has signed, nothing at all once all have. */
const CONTENT = ['code', 'year', 'level', 'org_id', 'template_id', 'title', 'preamble', 'duties', 'closing', 'content_hash', 'revision_of'];

/**
 * Letters: an UPDATE of a signed letter or of the content of a partly signed one is refused, and so is deleting
 * either. Parties: a signed party row is never changed or deleted. Both dialects, so that a write past the
 * service (a console, a faulty migration) cannot alter what was signed.
 */
async function lockSigned(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    const changed = CONTENT.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
    await sql.raw(`CREATE TRIGGER duty_letter_signed_update BEFORE UPDATE ON duty_letter
      WHEN OLD.status = 'signed' OR (OLD.status = 'signing' AND (${changed}))
      BEGIN SELECT RAISE(ABORT, 'duty_letter is signed'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER duty_letter_signed_delete BEFORE DELETE ON duty_letter WHEN OLD.status <> 'issued'
      BEGIN SELECT RAISE(ABORT, 'duty_letter is signed'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER duty_letter_party_signed BEFORE UPDATE ON duty_letter_party WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'duty_letter_party is signed'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER duty_letter_party_signed_delete BEFORE DELETE ON duty_letter_party WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'duty_letter_party is signed'); END`).execute(db);
    return;
  }
  const changed = CONTENT.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  await sql.raw(`CREATE OR REPLACE FUNCTION duty_letter_signed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'issued' THEN RAISE EXCEPTION 'duty_letter is signed'; END IF;
        RETURN OLD;
      END IF;
      IF OLD.status = 'signed' OR (OLD.status = 'signing' AND (${changed})) THEN RAISE EXCEPTION 'duty_letter is signed'; END IF;
      RETURN NEW;
    END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER duty_letter_signed BEFORE UPDATE OR DELETE ON duty_letter FOR EACH ROW EXECUTE FUNCTION duty_letter_signed()`).execute(db);
  await sql.raw(`CREATE OR REPLACE FUNCTION duty_letter_party_signed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.signed_at IS NOT NULL THEN RAISE EXCEPTION 'duty_letter_party is signed'; END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER duty_letter_party_signed BEFORE UPDATE OR DELETE ON duty_letter_party FOR EACH ROW EXECUTE FUNCTION duty_letter_party_signed()`).execute(db);
  await sql.raw(`CREATE OR REPLACE FUNCTION duty_letter_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'duty letters are kept'; END $$`).execute(db);
  for (const table of ['duty_letter', 'duty_letter_party']) {
    await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION duty_letter_no_truncate()`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await tenantFk(
    tenantTable(db, 'duty_letter_template')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.check(sql`level ${LEVELS}`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('preamble', 'text', (c) => c.notNull())
      .addColumn('duties', 'text', (c) => c.notNull())
      .addColumn('closing', 'text', (c) => c.notNull())
      .addColumn('signature_labels', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
    'duty_letter_template_creator', 'created_by', 'user_account',
  ).execute();

  let letter = tenantTable(db, 'duty_letter')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level ${LEVELS}`))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('preamble', 'text', (c) => c.notNull())
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('party_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('issued', 'signing', 'signed')`))
    .addColumn('revision_of', 'text')
    .addColumn('revision_reason', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull());
  letter = tenantFk(letter, 'duty_letter_org', 'org_id', 'org');
  letter = tenantFk(letter, 'duty_letter_template', 'template_id', 'duty_letter_template');
  letter = tenantFk(letter, 'duty_letter_revision', 'revision_of', 'duty_letter');
  letter = tenantFk(letter, 'duty_letter_issuer', 'issued_by', 'user_account');
  await letter.execute();
  await index(db, 'duty_letter', ['tenant_id', 'code'], true);
  await index(db, 'duty_letter', ['tenant_id', 'year', 'level']);
  await index(db, 'duty_letter', ['tenant_id', 'org_id', 'year']);
  await index(db, 'duty_letter', ['tenant_id', 'template_id']);
  // A letter is revised once: the chain stays a line, so "the current letter" is the one nobody revised.
  await db.schema.createIndex('duty_letter_revision_uq').on('duty_letter').columns(['tenant_id', 'revision_of']).unique().where(sql.ref('revision_of'), 'is not', null).execute();

  let party = tenantTable(db, 'duty_letter_party')
    .addColumn('letter_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signer_account_id', 'text')
    .addColumn('signature', 'text')
    .addColumn('public_key', 'text');
  party = tenantFk(party, 'duty_letter_party_letter', 'letter_id', 'duty_letter');
  party = tenantFk(party, 'duty_letter_party_person', 'person_id', 'person');
  party = tenantFk(party, 'duty_letter_party_signer', 'signer_account_id', 'user_account');
  await party.execute();
  await index(db, 'duty_letter_party', ['tenant_id', 'letter_id', 'seq'], true);
  await index(db, 'duty_letter_party', ['tenant_id', 'person_id']);

  await lockSigned(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duty_letter_party').execute();
  await db.schema.dropTable('duty_letter').execute();
  await db.schema.dropTable('duty_letter_template').execute();
}
