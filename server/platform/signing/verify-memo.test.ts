import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CryptoPort } from '../crypto/crypto.port.js';
import { createGmCrypto } from '../crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../crypto/keyring.js';
import { verifySignature } from './verify-memo.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-memo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const gm = createGmCrypto(new KeyRing(loadKeyMaterial(dir, {})));

/** The real implementation, counting how often it is asked to verify. */
function counted(): { crypto: CryptoPort; calls: () => number } {
  let n = 0;
  return {
    crypto: { ...gm, sm2Verify: (k, d, s) => ((n += 1), gm.sm2Verify(k, d, s)) },
    calls: () => n,
  };
}

describe('verifySignature', () => {
  const key = gm.sm2Generate();
  const sig = gm.sm2Sign(key.privateKey, 'step 1');

  it('verifies a signature once and answers again from memory', () => {
    const c = counted();
    expect(verifySignature(c.crypto, key.publicKey, 'step 1', sig)).toBe(true);
    expect(verifySignature(c.crypto, key.publicKey, 'step 1', sig)).toBe(true);
    expect(c.calls()).toBe(1);
  });

  it('checks afresh when the key, the message or the signature differs, and never remembers a failure', () => {
    const c = counted();
    const other = gm.sm2Generate();
    expect(verifySignature(c.crypto, other.publicKey, 'step 1', sig)).toBe(false);
    expect(verifySignature(c.crypto, key.publicKey, 'step 2', sig)).toBe(false);
    expect(verifySignature(c.crypto, key.publicKey, 'step 1', gm.sm2Sign(other.privateKey, 'step 1'))).toBe(false);
    expect(verifySignature(c.crypto, key.publicKey, 'step 2', sig)).toBe(false);
    expect(c.calls()).toBe(4);
  });
});
