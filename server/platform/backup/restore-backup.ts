import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import { createGmCrypto } from '../crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { unpackEntries, type EntryMeta } from './archive.js';
import { BackupError } from './backup-error.js';
import { deriveBackupKeys } from './backup-key.js';
import { ByteReader } from './byte-reader.js';
import { MANIFEST_PATH, parseManifest, type BackupManifest } from './manifest.js';
import { pgRestore, postgresHasTables } from './pg-tools.js';
import { openStream, readSealedHeader } from './sealed-stream.js';
import { SQLITE_FILE } from './sqlite-snapshot.js';
import { checkTenants, type TenantCheck } from './tenant-check.js';
import { isEmptyDir } from './walk.js';

export interface RestoreOptions {
  config: Config;
  file: string;
  passphrase: string;
  env: NodeJS.ProcessEnv;
  force: boolean;
}

export interface RestoreReport {
  manifest: BackupManifest;
  migrations: string[];
  tenants: TenantCheck[];
  attachments: number;
}

async function targetIsEmpty(config: Config): Promise<boolean> {
  const dir = config.dataDir;
  if (!(await isEmptyDir(path.join(dir, 'keys'))) || !(await isEmptyDir(path.join(dir, 'files')))) return false;
  if (!config.databaseUrl) return !fs.existsSync(path.join(dir, SQLITE_FILE));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: dir, poolSize: 1 });
  try {
    return !(await postgresHasTables(database.db));
  } finally {
    await database.close();
  }
}

/** Decrypts the whole archive into `staging`; nothing in the data dir is touched until every chunk has authenticated. */
async function unpackTo(opts: RestoreOptions, staging: string): Promise<{ manifest: BackupManifest; attachments: number }> {
  const reader = new ByteReader(fs.createReadStream(opts.file));
  const { header, digest } = await readSealedHeader(reader);
  const keys = deriveBackupKeys(opts.passphrase, header.kdf);
  try {
    if (!crypto.timingSafeEqual(Buffer.from(keys.check, 'hex'), Buffer.from(header.check, 'hex'))) {
      throw new BackupError('WRONG_PASSPHRASE');
    }
    let manifest: BackupManifest | null = null;
    let attachments = 0;
    await unpackEntries(openStream(reader, keys.seal, header, digest), async (meta: EntryMeta, body) => {
      if (!manifest) {
        if (meta.path !== MANIFEST_PATH || meta.size > 1024 * 1024) throw new BackupError('DAMAGED', { reason: 'manifest' });
        const parts: Buffer[] = [];
        for await (const p of body) parts.push(p);
        manifest = parseManifest(Buffer.concat(parts));
        const here = opts.config.databaseUrl ? 'postgres' : 'sqlite';
        if (manifest.dialect !== here) throw new BackupError('DIALECT_MISMATCH', { backup: manifest.dialect, target: here });
        return;
      }
      const top = meta.path.split('/')[0];
      if (meta.path !== manifest.database && top !== 'keys' && top !== 'files') throw new BackupError('DAMAGED', { reason: 'entry' });
      if (top === 'files') attachments += 1;
      const dest = path.join(staging, meta.path);
      await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
      await pipeline(body, fs.createWriteStream(dest, { flags: 'wx', mode: top === 'files' ? 0o600 : meta.mode & 0o600 }));
    });
    if (!manifest) throw new BackupError('DAMAGED', { reason: 'manifest' });
    return { manifest, attachments };
  } finally {
    keys.seal.fill(0);
  }
}

async function replace(from: string, to: string, mode: number): Promise<void> {
  await fsp.rm(to, { recursive: true, force: true });
  await fsp.rename(from, to);
  await fsp.chmod(to, mode);
}

/** Moves the authenticated content into place: database, keys, attachments. */
async function install(opts: RestoreOptions, staging: string, manifest: BackupManifest): Promise<void> {
  const { config } = opts;
  const db = path.join(staging, manifest.database);
  if (manifest.dialect === 'sqlite') {
    const live = path.join(config.dataDir, SQLITE_FILE);
    // A WAL left from the old database would be replayed into the restored one.
    for (const suffix of ['-wal', '-shm', '']) await fsp.rm(`${live}${suffix}`, { force: true });
    await replace(db, live, 0o600);
  } else {
    await pgRestore(config.databaseUrl!, db, opts.force, opts.env);
  }
  if (fs.existsSync(path.join(staging, 'keys'))) await replace(path.join(staging, 'keys'), path.join(config.dataDir, 'keys'), 0o700);
  if (fs.existsSync(path.join(staging, 'files'))) await replace(path.join(staging, 'files'), path.join(config.dataDir, 'files'), 0o700);
}

/** Opens what was restored the way the server will: migrations, tenant keys, every audit chain. */
async function verifyRestored(opts: RestoreOptions): Promise<{ migrations: string[]; tenants: TenantCheck[] }> {
  const { config } = opts;
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const migrations = await migrateToLatest(database.db);
    const keys = new KeyRing(loadKeyMaterial(config.dataDir, opts.env));
    return { migrations, tenants: await checkTenants(database.db, keys, createGmCrypto(keys)) };
  } finally {
    await database.close();
  }
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const { config } = opts;
  if (!fs.existsSync(opts.file)) throw new BackupError('NOT_A_BACKUP', { file: opts.file });
  await fsp.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  if (!opts.force && !(await targetIsEmpty(config))) throw new BackupError('TARGET_NOT_EMPTY', { dir: config.dataDir });
  const staging = await fsp.mkdtemp(path.join(config.dataDir, '.restore-'));
  try {
    const { manifest, attachments } = await unpackTo(opts, staging);
    await install(opts, staging, manifest);
    return { manifest, attachments, ...(await verifyRestored(opts)) };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
