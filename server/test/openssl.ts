import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What a signature export route hands out: the signed message, the DER signature (base64) and the key. */
export interface SignatureExport {
  message: string;
  signature: string;
  publicKeyPem: string;
}

/**
 * Checks an exported SM2 signature away from this system with the OpenSSL 3 command line: GB/T 32918 with
 * the default user id (see platform/crypto/sm2-openssl.test.ts), writing the three files into `dir`.
 */
export function opensslVerify(dir: string, e: SignatureExport, message = e.message): { ok: boolean; out: string } {
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const r = spawnSync('openssl', [
    'pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678',
    '-pubin', '-inkey', file('pub.pem', e.publicKeyPem), '-sigfile', file('sig.der', Buffer.from(e.signature, 'base64')), '-in', file('msg.txt', message),
  ]);
  const out = `${r.stdout.toString()}${r.stderr.toString()}`;
  return { ok: r.status === 0 && out.includes('Signature Verified Successfully'), out };
}
