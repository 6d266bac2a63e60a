import crypto from 'node:crypto';

/**
 * SM4-CTR with HMAC-SM3 over (aad, iv, ciphertext): encrypt-then-MAC, because Node's OpenSSL build
 * has SM4 but no SM4-GCM. A 32-byte key is split into the cipher key and the MAC key.
 */
const IV = 16;
const TAG = 32;

function mac(key: Buffer, aad: Buffer, iv: Buffer, ct: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(aad.length);
  return crypto.createHmac('sm3', key.subarray(16, 32)).update(len).update(aad).update(iv).update(ct).digest();
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = crypto.randomBytes(IV);
  const c = crypto.createCipheriv('sm4-ctr', key.subarray(0, 16), iv);
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([iv, ct, mac(key, Buffer.from(aad, 'utf8'), iv, ct)]);
}

export class IntegrityError extends Error {}

export function open(key: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < IV + TAG) throw new IntegrityError('ciphertext too short');
  const iv = blob.subarray(0, IV);
  const ct = blob.subarray(IV, blob.length - TAG);
  const tag = blob.subarray(blob.length - TAG);
  if (!crypto.timingSafeEqual(tag, mac(key, Buffer.from(aad, 'utf8'), iv, ct))) throw new IntegrityError('ciphertext altered');
  const d = crypto.createDecipheriv('sm4-ctr', key.subarray(0, 16), iv);
  return Buffer.concat([d.update(ct), d.final()]);
}
