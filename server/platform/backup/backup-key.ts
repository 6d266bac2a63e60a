import crypto from 'node:crypto';
import { BackupError } from './backup-error.js';

export interface KdfParams {
  alg: 'pbkdf2-sm3';
  iterations: number;
  salt: string;
}

/** PBKDF2 with SM3 costs about what PBKDF2-SHA256 does, so OWASP's 600 000 iterations apply (≈0.2 s here). */
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 12;

export function newKdfParams(iterations = DEFAULT_ITERATIONS): KdfParams {
  return { alg: 'pbkdf2-sm3', iterations, salt: crypto.randomBytes(16).toString('base64') };
}

export interface BackupKeys {
  /** 32 bytes for sm4-seal: SM4 key and HMAC-SM3 key. */
  seal: Buffer;
  /** Published in the header so a wrong passphrase is told apart from a damaged file. */
  check: string;
}

export function deriveBackupKeys(passphrase: string, kdf: KdfParams): BackupKeys {
  if (kdf.alg !== 'pbkdf2-sm3' || !Number.isInteger(kdf.iterations) || kdf.iterations < 10_000 || kdf.iterations > 10_000_000) {
    throw new BackupError('NOT_A_BACKUP');
  }
  const root = crypto.pbkdf2Sync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), kdf.iterations, 32, 'sm3');
  const sub = (label: string) => Buffer.from(crypto.hkdfSync('sm3', root, Buffer.alloc(0), `qingfeng backup ${label}`, 32));
  const seal = sub('seal');
  const check = sub('check').subarray(0, 16).toString('hex');
  root.fill(0);
  return { seal, check };
}

/** The passphrase comes only from the environment: never a command-line argument, which `ps` would show. */
export function passphraseFromEnv(env: NodeJS.ProcessEnv, creating: boolean): string {
  const p = env.QINGFENG_BACKUP_PASSPHRASE;
  if (!p) throw new BackupError('PASSPHRASE_MISSING');
  if (creating && [...p].length < MIN_PASSPHRASE) throw new BackupError('PASSPHRASE_TOO_SHORT', { min: MIN_PASSPHRASE });
  return p;
}
