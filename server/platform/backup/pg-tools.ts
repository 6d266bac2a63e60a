import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db, Tx } from '../context.js';
import { BackupError } from './backup-error.js';

/** The password travels in PGPASSWORD, never on a command line that `ps` would show. */
function connection(url: string, env: NodeJS.ProcessEnv): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function tool(name: string, env: NodeJS.ProcessEnv): string {
  return env.QINGFENG_PG_BINDIR ? path.join(env.QINGFENG_PG_BINDIR, name) : name;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    child.on('error', (e) => reject(new BackupError('TOOL_FAILED', { tool: path.basename(cmd), detail: e.message })));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError('TOOL_FAILED', { tool: path.basename(cmd), detail: stderr.trim() || `exit ${code}` }));
    });
  });
}

/**
 * Runs `fn` inside a REPEATABLE READ transaction whose snapshot is exported, so that pg_dump (given the
 * snapshot id) and the audit verification inside `fn` see exactly the same committed state.
 */
export async function withExportedSnapshot<T>(db: Db, fn: (tx: Tx, snapshot: string) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const r = await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(tx);
      return fn(tx, r.rows[0]!.s);
    });
}

export async function pgDump(url: string, dest: string, snapshot: string, env: NodeJS.ProcessEnv): Promise<void> {
  const c = connection(url, env);
  await run(tool('pg_dump', env), ['--format=custom', `--snapshot=${snapshot}`, `--file=${dest}`, `--dbname=${c.dbname}`], c.env);
}

/** Into an empty database, or (`clean`) over an existing one; owners and grants follow the target's role. */
export async function pgRestore(url: string, file: string, clean: boolean, env: NodeJS.ProcessEnv): Promise<void> {
  const c = connection(url, env);
  const args = ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', ...(clean ? ['--clean', '--if-exists'] : []), `--dbname=${c.dbname}`, file];
  await run(tool('pg_restore', env), args, c.env);
}

export async function postgresHasTables(db: Db): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema()`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}
