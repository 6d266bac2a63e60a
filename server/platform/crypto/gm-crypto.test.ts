import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CryptoPort } from './crypto.port.js';
import { createGmCrypto } from './gm-crypto.js';
import { KeyRing, loadKeyMaterial } from './keyring.js';

let dir: string;
let keys: KeyRing;
let gm: CryptoPort;
const TENANT = 'tenant-a';
const OTHER = 'tenant-b';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-crypto-'));
  keys = new KeyRing(loadKeyMaterial(dir, {}));
  keys.addTenant(TENANT, keys.newWrappedTenantKey(TENANT));
  keys.addTenant(OTHER, keys.newWrappedTenantKey(OTHER));
  gm = createGmCrypto(keys);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SM3 (GB/T 32905-2016 appendix A)', () => {
  it('hashes "abc" to the example 1 digest', () => {
    expect(gm.sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes the 64-byte "abcd"×16 message to the example 2 digest', () => {
    expect(gm.sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes strings as UTF-8 and buffers as bytes', () => {
    expect(gm.sm3('清风')).toBe(gm.sm3(Buffer.from('清风', 'utf8')));
    expect(gm.sm3('清风')).not.toBe(gm.sm3(Buffer.from('清风', 'utf16le')));
  });
});

describe('HMAC-SM3', () => {
  /** RFC 2104 built by hand from SM3 (64-byte block): an independent construction to compare with. */
  function manualHmac(key: Buffer, data: Buffer): Buffer {
    const k = Buffer.alloc(64);
    (key.length > 64 ? crypto.createHash('sm3').update(key).digest() : key).copy(k);
    const pad = (b: number) => Buffer.from(k.map((x) => x ^ b));
    const inner = crypto.createHash('sm3').update(pad(0x36)).update(data).digest();
    return crypto.createHash('sm3').update(pad(0x5c)).update(inner).digest();
  }

  it('matches the RFC 2104 construction for short and long keys', () => {
    const data = Buffer.from('qingfeng audit 审计', 'utf8');
    for (const key of [Buffer.from('key'), crypto.randomBytes(32), crypto.randomBytes(100)]) {
      expect(gm.hmacSm3(key, data).toString('hex')).toBe(manualHmac(key, data).toString('hex'));
    }
  });

  it('agrees with the openssl command line', () => {
    const out = execFileSync('openssl', ['dgst', '-sm3', '-hmac', 'secret-key', '-r'], { input: 'message' }).toString();
    expect(out.split(/\s/)[0]).toBe(gm.hmacSm3(Buffer.from('secret-key'), 'message').toString('hex'));
  });

  it('depends on the key', () => {
    expect(gm.hmacSm3(Buffer.from('a'), 'm').equals(gm.hmacSm3(Buffer.from('b'), 'm'))).toBe(false);
  });
});

describe('SM4 (GB/T 32907-2016 appendix A) through node:crypto', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const ecb = (k: Buffer) => {
    const c = crypto.createCipheriv('sm4-ecb', k, null);
    c.setAutoPadding(false);
    return c;
  };

  it('encrypts the standard block to the example 1 ciphertext and back', () => {
    const c = ecb(key);
    const ct = Buffer.concat([c.update(key), c.final()]);
    expect(ct.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const d = crypto.createDecipheriv('sm4-ecb', key, null);
    d.setAutoPadding(false);
    expect(Buffer.concat([d.update(ct), d.final()]).equals(key)).toBe(true);
  });

  it('reaches the example 2 ciphertext after 1,000,000 encryptions', () => {
    const c = ecb(key);
    let block = Buffer.from(key);
    for (let i = 0; i < 1_000_000; i += 1) block = c.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  }, 10_000);
});

describe('envelope encryption', () => {
  const aad = 'person:id_number:0190a1b2-0000-7000-8000-000000000001';

  it('round-trips text, including empty and non-ASCII text', () => {
    for (const text of ['', '430102198001011234', '举报人：张三，联系电话 13800000000', 'x'.repeat(10_000)]) {
      expect(gm.decrypt(TENANT, gm.encrypt(TENANT, text, aad), aad)).toBe(text);
    }
  });

  it('uses a fresh data key and IV each time and never shows the plaintext', () => {
    const a = gm.encrypt(TENANT, '430102198001011234', aad);
    const b = gm.encrypt(TENANT, '430102198001011234', aad);
    expect(a).not.toBe(b);
    expect(a).not.toContain('430102198001011234');
    expect(Buffer.from(a.split('.')[2]!, 'base64url').toString('latin1')).not.toContain('4301021980');
  });

  it('detects a flipped byte anywhere in the wrapped key or the body', () => {
    const env = gm.encrypt(TENANT, 'confidential', aad);
    const [v, wrapped, body] = env.split('.') as [string, string, string];
    const flip = (part: string, at: number) => {
      const b = Buffer.from(part, 'base64url');
      b[at % b.length]! ^= 0x01;
      return b.toString('base64url');
    };
    for (const at of [0, 16, 20, 40]) {
      expect(() => gm.decrypt(TENANT, `${v}.${flip(wrapped, at)}.${body}`, aad)).toThrow();
      expect(() => gm.decrypt(TENANT, `${v}.${wrapped}.${flip(body, at)}`, aad)).toThrow();
    }
    expect(() => gm.decrypt(TENANT, `${v}.${wrapped}.${Buffer.from(body, 'base64url').subarray(0, 40).toString('base64url')}`, aad)).toThrow();
    expect(gm.decrypt(TENANT, env, aad)).toBe('confidential');
  });

  it('binds the ciphertext to its aad (record and field) and to its tenant', () => {
    const env = gm.encrypt(TENANT, 'confidential', aad);
    expect(() => gm.decrypt(TENANT, env, 'person:id_number:0190a1b2-0000-7000-8000-000000000002')).toThrow();
    expect(() => gm.decrypt(TENANT, env, 'person:mobile:0190a1b2-0000-7000-8000-000000000001')).toThrow();
    expect(() => gm.decrypt(OTHER, env, aad)).toThrow();
  });

  it('refuses an unknown envelope version', () => {
    const env = gm.encrypt(TENANT, 'x', aad);
    expect(() => gm.decrypt(TENANT, env.replace(/^e1\./, 'e2.'), aad)).toThrow(/envelope/);
  });
});

describe('blind index', () => {
  it('is stable for the same tenant, field and value', () => {
    expect(gm.blindIndex(TENANT, 'mobile', '13800000000')).toBe(gm.blindIndex(TENANT, 'mobile', '13800000000'));
    expect(gm.blindIndex(TENANT, 'mobile', '13800000000')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('normalises width (NFKC), case and surrounding space', () => {
    const base = gm.blindIndex(TENANT, 'id_number', '43010219800101123x');
    expect(gm.blindIndex(TENANT, 'id_number', '43010219800101123X')).toBe(base);
    expect(gm.blindIndex(TENANT, 'id_number', '４３０１０２１９８００１０１１２３Ｘ')).toBe(base);
    expect(gm.blindIndex(TENANT, 'id_number', '  43010219800101123x ')).toBe(base);
    expect(gm.blindIndex(TENANT, 'id_number', '43010219800101123')).not.toBe(base);
  });

  it('differs by field and by tenant, so indexes cannot be matched across them', () => {
    const v = '13800000000';
    expect(gm.blindIndex(TENANT, 'mobile', v)).not.toBe(gm.blindIndex(TENANT, 'phone', v));
    expect(gm.blindIndex(TENANT, 'mobile', v)).not.toBe(gm.blindIndex(OTHER, 'mobile', v));
  });
});

describe('randomDigits', () => {
  it('returns exactly n decimal digits', () => {
    for (const n of [1, 6, 16, 20, 64]) expect(gm.randomDigits(n)).toMatch(new RegExp(`^[0-9]{${n}}$`));
  });

  it('is uniform enough: chi-square over 400,000 digits stays below the p = 0.0001 bound', () => {
    const counts = new Array<number>(10).fill(0);
    const s = gm.randomDigits(400_000);
    for (const ch of s) counts[Number(ch)]! += 1;
    const expected = s.length / 10;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 33.72) = 0.0001; a plain `byte % 10` (bytes 250–255 kept) scores about 150 here.
    expect(chi2).toBeLessThan(33.72);
  });

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => gm.randomDigits(16)));
    expect(codes.size).toBe(1000);
  });
});

describe('byte envelopes', () => {
  it('round-trips file contents and refuses another aad or a flipped byte', () => {
    const data = Buffer.from('%PDF-1.4 举报材料 '.repeat(100));
    const sealed = gm.encryptBytes(TENANT, data, 'attachment:a');
    expect(sealed.includes(Buffer.from('举报材料'))).toBe(false);
    expect(gm.decryptBytes(TENANT, sealed, 'attachment:a').equals(data)).toBe(true);
    expect(() => gm.decryptBytes(TENANT, sealed, 'attachment:b')).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 40]! ^= 1;
    expect(() => gm.decryptBytes(TENANT, flipped, 'attachment:a')).toThrow();
  });
});
