import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { DialectName } from './database.js';

/** The only place that tells the two databases apart; services never ask. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

export function pick<T>(db: Kysely<any>, choices: { sqlite: T; postgres: T }): T {
  return choices[dialectOf(db)];
}

/** Triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on an append-only table. */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}

/** Whether an error is a unique-constraint violation, whichever database raised it. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string };
  return err?.code === '23503' || err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function isCheckViolation(e: unknown): boolean {
  const err = e as { code?: string };
  return err?.code === '23514' || err?.code === 'SQLITE_CONSTRAINT_CHECK' || err?.code === 'SQLITE_CONSTRAINT_TRIGGER';
}

/**
 * Triggers that keep a record's published part fixed: an UPDATE that changes any of `columns`, or any
 * UPDATE once `lockedWhen` holds for the old row, is refused, and so is DELETE.
 */
export async function makeFrozen(db: Kysely<any>, table: string, columns: string[], lockedWhen: string): Promise<void> {
  const msg = `${table} is frozen`;
  if (dialectOf(db) === 'sqlite') {
    const changed = columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
    const old = lockedWhen.replace(/\b(\w+)\s*=/g, 'OLD.$1 =');
    await sql.raw(`CREATE TRIGGER ${table}_frozen BEFORE UPDATE ON ${table} WHEN ${changed} OR (${old}) BEGIN SELECT RAISE(ABORT, '${msg}'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${msg}'); END`).execute(db);
    return;
  }
  const changed = columns.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  const old = lockedWhen.replace(/\b(\w+)\s*=/g, 'OLD.$1 =');
  await sql
    .raw(`CREATE OR REPLACE FUNCTION ${table}_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR ${changed} OR (${old}) THEN RAISE EXCEPTION '${msg}'; END IF;
        RETURN NEW;
      END $$`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_frozen BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_frozen()`).execute(db);
  await sql
    .raw(`CREATE OR REPLACE FUNCTION ${table}_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${msg}'; END $$`)
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_no_truncate()`).execute(db);
}
