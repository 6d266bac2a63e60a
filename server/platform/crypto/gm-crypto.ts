import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { CryptoPort, Sm2KeyPair } from './crypto.port.js';
import type { KeyRing } from './keyring.js';
import { IntegrityError, open, seal } from './sm4-seal.js';

const ENVELOPE = 'e1';

function toBuf(data: string | Buffer): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Uniform digits by rejection sampling (a byte >= 250 would bias 0-5). */
function randomDigits(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of crypto.randomBytes(n * 2)) {
      if (b < 250 && out.length < n) out += String(b % 10);
    }
  }
  return out;
}

/** Software 国密 implementation: SM3/SM4 from OpenSSL via node:crypto, SM2 from sm-crypto-v2. */
export function createGmCrypto(keys: KeyRing): CryptoPort {
  return {
    sm3: (data) => crypto.createHash('sm3').update(toBuf(data)).digest('hex'),
    hmacSm3: (key, data) => crypto.createHmac('sm3', key).update(toBuf(data)).digest(),
    randomBytes: (n) => crypto.randomBytes(n),
    randomDigits,
    encrypt(tenantId, plaintext, aad) {
      const dek = crypto.randomBytes(32);
      try {
        const wrapped = seal(keys.tenant(tenantId).key, dek, `dek:${aad}`);
        const body = seal(dek, Buffer.from(plaintext, 'utf8'), aad);
        return `${ENVELOPE}.${wrapped.toString('base64url')}.${body.toString('base64url')}`;
      } finally {
        dek.fill(0);
      }
    },
    decrypt(tenantId, envelope, aad) {
      const [v, wrapped, body] = envelope.split('.');
      if (v !== ENVELOPE || !wrapped || !body) throw new Error('unknown envelope format');
      const dek = open(keys.tenant(tenantId).key, Buffer.from(wrapped, 'base64url'), `dek:${aad}`);
      try {
        return open(dek, Buffer.from(body, 'base64url'), aad).toString('utf8');
      } finally {
        dek.fill(0);
      }
    },
    encryptBytes(tenantId, data, aad) {
      const dek = crypto.randomBytes(32);
      try {
        const wrapped = seal(keys.tenant(tenantId).key, dek, `dek:${aad}`);
        const head = Buffer.alloc(3);
        head.writeUInt8(1, 0);
        head.writeUInt16BE(wrapped.length, 1);
        return Buffer.concat([head, wrapped, seal(dek, data, aad)]);
      } finally {
        dek.fill(0);
      }
    },
    decryptBytes(tenantId, envelope, aad) {
      if (envelope.length < 3 || envelope.readUInt8(0) !== 1) throw new IntegrityError('unknown envelope format');
      const len = envelope.readUInt16BE(1);
      const dek = open(keys.tenant(tenantId).key, envelope.subarray(3, 3 + len), `dek:${aad}`);
      try {
        return open(dek, envelope.subarray(3 + len), aad);
      } finally {
        dek.fill(0);
      }
    },
    blindIndex(tenantId, field, value) {
      const norm = value.normalize('NFKC').trim().toLowerCase();
      return crypto.createHmac('sm3', keys.tenant(tenantId).blind).update(`${field}\u0000${norm}`).digest('base64url').slice(0, 32);
    },
    sm2Generate: (): Sm2KeyPair => sm2.generateKeyPairHex(),
    sm2Sign: (privateKey, data) =>
      sm2.doSignature(new Uint8Array(toBuf(data)), privateKey, { hash: true, der: true }),
    sm2Verify(publicKey, data, signature) {
      try {
        return sm2.doVerifySignature(new Uint8Array(toBuf(data)), signature, publicKey, { hash: true, der: true });
      } catch {
        return false;
      }
    },
    sm2Encrypt: (publicKey, data) => sm2.doEncrypt(data, publicKey, 1),
    sm2Decrypt(privateKey, cipher) {
      // sm-crypto-v2 answers a wrong key or an altered ciphertext with an empty string, not an error.
      const plain = sm2.doDecrypt(cipher, privateKey, 1, { output: 'string' });
      if (!plain) throw new IntegrityError('SM2 ciphertext does not decrypt');
      return plain;
    },
  };
}
