import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CryptoPort, Sm2KeyPair } from './crypto.port.js';
import { createGmCrypto } from './gm-crypto.js';
import { KeyRing, loadKeyMaterial } from './keyring.js';
import { sm2PrivateKeyPem, sm2PublicKeyPem } from './sm2-der.js';

/**
 * GB/T 32918 signatures hash Z_A (the user id "1234567812345678", curve parameters and public key)
 * with the message. Node's own "SM2" signing is ECDSA on the SM2 curve and would fail these checks;
 * OpenSSL 3's `pkeyutl -rawin -digest sm3` with `distid` implements the standard, so agreeing with it
 * in both directions is the proof.
 */
const DISTID = 'distid:1234567812345678';

let dir: string;
let gm: CryptoPort;
let key: Sm2KeyPair;

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

function opensslVerify(pubPem: string, data: string, sigDer: Buffer, distid = DISTID): boolean {
  const r = spawnSync('openssl', ['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pkeyopt', distid, '-pubin', '-inkey', pubPem, '-sigfile', file('sig.der', sigDer), '-in', data]);
  return r.status === 0 && r.stdout.toString().includes('Signature Verified Successfully');
}

function opensslSign(privPem: string, data: string): Buffer {
  return execFileSync('openssl', ['pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-pkeyopt', DISTID, '-inkey', privPem, '-in', data]);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-sm2-'));
  gm = createGmCrypto(new KeyRing(loadKeyMaterial(dir, {})));
  key = gm.sm2Generate();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openssl on this machine', () => {
  it('is OpenSSL 3, whose pkeyutl knows -rawin, -digest and distid', () => {
    expect(execFileSync('openssl', ['version']).toString()).toMatch(/^OpenSSL 3\./);
  });

  it('reads our PEM encodings as SM2 keys with the matching public point', () => {
    const priv = file('priv.pem', sm2PrivateKeyPem(key.privateKey, key.publicKey));
    const text = execFileSync('openssl', ['pkey', '-in', priv, '-noout', '-text']).toString();
    expect(text).toMatch(/ASN1 OID: SM2/);
    const pub = execFileSync('openssl', ['pkey', '-in', priv, '-pubout']).toString();
    expect(pub.replace(/\s/g, '')).toBe(sm2PublicKeyPem(key.publicKey).replace(/\s/g, ''));
  });
});

describe('SM2 signatures interoperate with openssl', () => {
  const messages = ['qingfeng-audit-checkpoint|t|42|abc', '审计检查点 清风', 'x'.repeat(5000)];

  it('openssl verifies signatures made by sm2Sign', () => {
    const pub = file('pub.pem', sm2PublicKeyPem(key.publicKey));
    for (const [i, m] of messages.entries()) {
      const data = file(`data${i}`, m);
      const sig = Buffer.from(gm.sm2Sign(key.privateKey, m), 'hex');
      expect(opensslVerify(pub, data, sig), m.slice(0, 30)).toBe(true);
    }
  });

  it('openssl refuses our signature over other data, under another user id, or with another key', () => {
    const pub = file('pub.pem', sm2PublicKeyPem(key.publicKey));
    const sig = Buffer.from(gm.sm2Sign(key.privateKey, 'original'), 'hex');
    expect(opensslVerify(pub, file('orig', 'original'), sig)).toBe(true);
    expect(opensslVerify(pub, file('changed', 'originaL'), sig)).toBe(false);
    expect(opensslVerify(pub, file('orig', 'original'), sig, 'distid:1234567812345679')).toBe(false);
    const other = gm.sm2Generate();
    expect(opensslVerify(file('other.pem', sm2PublicKeyPem(other.publicKey)), file('orig', 'original'), sig)).toBe(false);
  });

  it('sm2Verify accepts signatures made by openssl', () => {
    const priv = file('priv.pem', sm2PrivateKeyPem(key.privateKey, key.publicKey));
    for (const [i, m] of messages.entries()) {
      const sig = opensslSign(priv, file(`data${i}`, m)).toString('hex');
      expect(sig).toMatch(/^30/);
      expect(gm.sm2Verify(key.publicKey, m, sig), m.slice(0, 30)).toBe(true);
    }
  });

  it('sm2Verify refuses an openssl signature over other data, with another key, or mangled', () => {
    const priv = file('priv.pem', sm2PrivateKeyPem(key.privateKey, key.publicKey));
    const sig = opensslSign(priv, file('orig', 'original')).toString('hex');
    expect(gm.sm2Verify(key.publicKey, 'original', sig)).toBe(true);
    expect(gm.sm2Verify(key.publicKey, 'originaL', sig)).toBe(false);
    expect(gm.sm2Verify(gm.sm2Generate().publicKey, 'original', sig)).toBe(false);
    const mangled = `${sig.slice(0, 20)}${sig[20] === '0' ? '1' : '0'}${sig.slice(21)}`;
    expect(gm.sm2Verify(key.publicKey, 'original', mangled)).toBe(false);
    expect(gm.sm2Verify(key.publicKey, 'original', 'not-a-signature')).toBe(false);
  });

  it('signs Buffers and their UTF-8 strings alike', () => {
    const sig = gm.sm2Sign(key.privateKey, Buffer.from('清风', 'utf8'));
    expect(gm.sm2Verify(key.publicKey, '清风', sig)).toBe(true);
  });
});

describe('SM2 encryption', () => {
  it('round-trips text under the recipient key', () => {
    for (const text of ['a', '机密：线索编号 2026-001', 'x'.repeat(2000)]) {
      const c = gm.sm2Encrypt(key.publicKey, text);
      if (text.length > 4) expect(c).not.toContain(Buffer.from(text).toString('hex'));
      expect(gm.sm2Decrypt(key.privateKey, c)).toBe(text);
    }
  });

  it('is randomised and refuses another key or a tampered ciphertext', () => {
    const a = gm.sm2Encrypt(key.publicKey, 'secret');
    expect(gm.sm2Encrypt(key.publicKey, 'secret')).not.toBe(a);
    expect(() => gm.sm2Decrypt(gm.sm2Generate().privateKey, a)).toThrow();
    const tampered = `${a.slice(0, -2)}${a.endsWith('00') ? '01' : '00'}`;
    expect(() => gm.sm2Decrypt(key.privateKey, tampered)).toThrow();
  });
});
