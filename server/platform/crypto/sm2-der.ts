/**
 * DER wrappers so that SM2 keys made here can be handed to the `openssl` command line
 * (interoperability is how we prove the signatures are GB/T 32918 and not ECDSA-on-SM2).
 */
const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';
const SM2_OID = '06082a811ccf5501822d';

function pem(label: string, hex: string): string {
  const b64 = Buffer.from(hex, 'hex').toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trim()}\n-----END ${label}-----\n`;
}

export function sm2PublicKeyPem(publicKey: string): string {
  return pem('PUBLIC KEY', SPKI_PREFIX + publicKey);
}

export function sm2PrivateKeyPem(privateKey: string, publicKey: string): string {
  const body = `020101${'0420' + privateKey}a00a${SM2_OID}a144034200${publicKey}`;
  const len = (body.length / 2).toString(16).padStart(2, '0');
  return pem('EC PRIVATE KEY', `30${len}${body}`);
}
