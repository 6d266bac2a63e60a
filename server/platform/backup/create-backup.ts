import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import { nowIso, type Clock } from '../clock/clock.js';
import { createGmCrypto } from '../crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { packEntries, type ArchiveEntry } from './archive.js';
import { BackupError } from './backup-error.js';
import { deriveBackupKeys, newKdfParams } from './backup-key.js';
import { databaseEntry, MANIFEST_PATH, summarise, type BackupManifest } from './manifest.js';
import { pgDump, withExportedSnapshot } from './pg-tools.js';
import { newSealedHeader, sealStream } from './sealed-stream.js';
import { openReadOnly, snapshotSqlite, SQLITE_FILE } from './sqlite-snapshot.js';
import { checkTenants, type TenantCheck } from './tenant-check.js';
import { walkFiles } from './walk.js';

export interface BackupOptions {
  config: Config;
  file: string;
  passphrase: string;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  iterations?: number;
}

export interface BackupReport {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  tenants: TenantCheck[];
  attachments: number;
}

const KEY_FILES = ['master.key', 'audit-sm2.json'];

/** Copies the database into `staging` and verifies what was copied (same snapshot on PostgreSQL). */
async function snapshotDatabase(opts: BackupOptions, staging: string, keys: KeyRing): Promise<{ dbFile: string; checks: TenantCheck[] }> {
  const { config } = opts;
  const crypto = createGmCrypto(keys);
  if (!config.databaseUrl) {
    const live = path.join(config.dataDir, SQLITE_FILE);
    if (!fs.existsSync(live)) throw new BackupError('NOTHING_TO_BACK_UP', { file: live });
    const dbFile = path.join(staging, SQLITE_FILE);
    snapshotSqlite(live, dbFile);
    const copy = openReadOnly(dbFile);
    try {
      return { dbFile, checks: await checkTenants(copy, keys, crypto) };
    } finally {
      await copy.destroy();
    }
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const dbFile = path.join(staging, 'qingfeng.pgdump');
    const checks = await withExportedSnapshot(database.db, async (tx, snapshot) => {
      await pgDump(config.databaseUrl!, dbFile, snapshot, opts.env);
      return checkTenants(tx, keys, crypto);
    });
    return { dbFile, checks };
  } finally {
    await database.close();
  }
}

async function* entries(config: Config, manifest: BackupManifest, dbFile: string, keyFiles: string[], counter: { attachments: number }): AsyncGenerator<ArchiveEntry> {
  yield { path: MANIFEST_PATH, data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') };
  yield { path: manifest.database, file: dbFile };
  for (const name of keyFiles) yield { path: `keys/${name}`, file: path.join(config.dataDir, 'keys', name) };
  if (config.storage.driver !== 'local') return;
  const root = path.join(config.dataDir, 'files');
  for await (const rel of walkFiles(root)) {
    counter.attachments += 1;
    yield { path: `files/${rel}`, file: path.join(root, rel), optional: true };
  }
}

/**
 * One encrypted file holding a consistent database copy, the key material and the local attachments.
 * Everything streams through fixed-size chunks: memory does not grow with the data.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupReport> {
  const { config } = opts;
  const target = path.resolve(opts.file);
  if (fs.existsSync(target)) throw new BackupError('TARGET_EXISTS', { file: target });
  const keys = new KeyRing(loadKeyMaterial(config.dataDir, opts.env));
  const kdf = newKdfParams(opts.iterations);
  const derived = deriveBackupKeys(opts.passphrase, kdf);
  // Staging inside the data dir: the plaintext copy never leaves the disk that already holds the database.
  const staging = await fsp.mkdtemp(path.join(config.dataDir, '.backup-'));
  const partial = `${target}.partial`;
  try {
    const { dbFile, checks } = await snapshotDatabase(opts, staging, keys);
    const locked = checks.filter((c) => !c.keyOk).map((c) => c.code);
    if (locked.length) throw new BackupError('KEYS_DO_NOT_MATCH', { tenants: locked.join(', ') });
    const keyFiles = KEY_FILES.filter((f) => fs.existsSync(path.join(config.dataDir, 'keys', f)));
    const manifest: BackupManifest = {
      format: 1,
      createdAt: nowIso(opts.clock),
      dialect: config.databaseUrl ? 'postgres' : 'sqlite',
      database: databaseEntry(config.databaseUrl ? 'postgres' : 'sqlite'),
      keysIncluded: keyFiles.length === KEY_FILES.length,
      storage: config.storage.driver,
      tenants: summarise(checks),
    };
    const counter = { attachments: 0 };
    const header = newSealedHeader(kdf, derived.check);
    const sealed = sealStream(packEntries(entries(config, manifest, dbFile, keyFiles, counter)), derived.seal, header);
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    await pipeline(Readable.from(sealed), out);
    const fh = await fsp.open(partial, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(partial, target);
    return { file: target, bytes: (await fsp.stat(target)).size, manifest, tenants: checks, attachments: counter.attachments };
  } finally {
    derived.seal.fill(0);
    await fsp.rm(staging, { recursive: true, force: true });
    await fsp.rm(partial, { force: true });
  }
}
