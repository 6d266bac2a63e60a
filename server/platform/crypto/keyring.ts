import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { open, seal } from './sm4-seal.js';
import type { Sm2KeyPair } from './crypto.port.js';
import { ConfigError } from '../../config.js';

const MASTER_FILE = 'master.key';
const AUDIT_FILE = 'audit-sm2.json';

function writeSecret(file: string, content: string | Buffer): void {
  fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
}

export interface KeyMaterial {
  master: Buffer;
  audit: Sm2KeyPair;
}

/**
 * Key material lives in `<dataDir>/keys` (0700, files 0600) and is generated on first start.
 * Several servers share it by copying that folder or by `QINGFENG_MASTER_KEY` / `QINGFENG_AUDIT_KEY`.
 */
export function loadKeyMaterial(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyMaterial {
  const dir = path.join(dataDir, 'keys');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let master: Buffer;
  if (env.QINGFENG_MASTER_KEY) {
    if (!/^[0-9a-f]{64}$/i.test(env.QINGFENG_MASTER_KEY)) throw new ConfigError('QINGFENG_MASTER_KEY must be 64 hex digits');
    master = Buffer.from(env.QINGFENG_MASTER_KEY, 'hex');
  } else {
    const file = path.join(dir, MASTER_FILE);
    if (!fs.existsSync(file)) writeSecret(file, crypto.randomBytes(32).toString('hex'));
    master = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (master.length !== 32) throw new ConfigError(`${file} is not a 32-byte hex key`);
  }
  let audit: Sm2KeyPair;
  if (env.QINGFENG_AUDIT_KEY) {
    if (!/^[0-9a-f]{64}$/i.test(env.QINGFENG_AUDIT_KEY)) throw new ConfigError('QINGFENG_AUDIT_KEY must be 64 hex digits (an SM2 private key)');
    audit = { privateKey: env.QINGFENG_AUDIT_KEY, publicKey: sm2.getPublicKeyFromPrivateKey(env.QINGFENG_AUDIT_KEY) };
  } else {
    const file = path.join(dir, AUDIT_FILE);
    if (!fs.existsSync(file)) writeSecret(file, JSON.stringify(sm2.generateKeyPairHex()));
    audit = JSON.parse(fs.readFileSync(file, 'utf8')) as Sm2KeyPair;
  }
  return { master, audit };
}

/** Tenant keys, each wrapped by the master key in the database and held unwrapped only in memory. */
export class KeyRing {
  private readonly tenants = new Map<string, { key: Buffer; blind: Buffer }>();
  constructor(private readonly material: KeyMaterial) {}

  get auditKey(): Sm2KeyPair {
    return this.material.audit;
  }

  /** A process-independent secret for one purpose, derived from the master key (HKDF-SM3). */
  derive(label: string): Buffer {
    return Buffer.from(crypto.hkdfSync('sm3', this.material.master, Buffer.alloc(0), `qingfeng ${label}`, 32));
  }

  newWrappedTenantKey(tenantId: string): string {
    return seal(this.material.master, crypto.randomBytes(32), `tenant:${tenantId}`).toString('base64');
  }

  addTenant(tenantId: string, wrapped: string): void {
    const key = open(this.material.master, Buffer.from(wrapped, 'base64'), `tenant:${tenantId}`);
    const blind = Buffer.from(crypto.hkdfSync('sm3', key, Buffer.alloc(0), 'qingfeng blind index', 32));
    this.tenants.set(tenantId, { key, blind });
  }

  has(tenantId: string): boolean {
    return this.tenants.has(tenantId);
  }

  tenant(tenantId: string): { key: Buffer; blind: Buffer } {
    const t = this.tenants.get(tenantId);
    if (!t) throw new Error(`no key loaded for tenant ${tenantId}`);
    return t;
  }
}
