import type { DialectName } from '../db/database.js';
import { BackupError } from './backup-error.js';
import type { TenantCheck } from './tenant-check.js';

/** First entry of every archive: what it holds and what was verified when it was made. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  dialect: DialectName;
  /** Archive path of the database: `db/qingfeng.db` (SQLite file) or `db/qingfeng.pgdump` (pg_dump custom format). */
  database: string;
  /** False when the keys came from QINGFENG_MASTER_KEY / QINGFENG_AUDIT_KEY: restore needs the same variables. */
  keysIncluded: boolean;
  /** With S3 the attachments are not in the archive; the bucket is backed up by the store itself. */
  storage: 'local' | 's3';
  tenants: { code: string; auditRecords: number; auditOk: boolean; brokenAt: number | null; reason: string | null }[];
}

export const MANIFEST_PATH = 'manifest.json';
export const databaseEntry = (dialect: DialectName) => (dialect === 'sqlite' ? 'db/qingfeng.db' : 'db/qingfeng.pgdump');

export function summarise(checks: TenantCheck[]): BackupManifest['tenants'] {
  return checks.map((c) => ({ code: c.code, auditRecords: c.audit.records, auditOk: c.audit.ok, brokenAt: c.audit.brokenAt, reason: c.audit.reason }));
}

export function parseManifest(bytes: Buffer): BackupManifest {
  try {
    const m = JSON.parse(bytes.toString('utf8')) as BackupManifest;
    if (m.format !== 1 || (m.dialect !== 'sqlite' && m.dialect !== 'postgres') || m.database !== databaseEntry(m.dialect)) throw new Error('manifest');
    return m;
  } catch {
    throw new BackupError('DAMAGED', { reason: 'manifest' });
  }
}
