import { http } from '../api/http';

/** An SM2 signature as the server exports it: the signed text, the DER signature in base64, the signer's PEM key. */
export interface Sm2SignatureExport {
  message: string;
  signature: string;
  publicKeyPem: string;
}

export type SignaturePart = 'message' | 'signature' | 'publicKey';
export const signatureParts: readonly SignaturePart[] = ['message', 'signature', 'publicKey'];

const suffix: Record<SignaturePart, string> = { message: 'message.txt', signature: 'signature.der', publicKey: 'key.pem' };

/** The name a part is saved under, `<stem>-message.txt`, `<stem>-signature.der`, `<stem>-key.pem`. */
export function signatureFileName(stem: string, part: SignaturePart): string {
  return `${stem}-${suffix[part]}`;
}

/** The DER signature as the bytes openssl reads with -sigfile (the API sends it in base64). */
function derBytes(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** The file a part is saved as: the signed text byte for byte (no trailing newline), the DER signature, the PEM key. */
export function signatureFile(sig: Sm2SignatureExport, part: SignaturePart): Blob {
  if (part === 'signature') return new Blob([derBytes(sig.signature)], { type: 'application/octet-stream' });
  if (part === 'publicKey') return new Blob([sig.publicKeyPem], { type: 'application/x-pem-file' });
  return new Blob([sig.message], { type: 'text/plain' });
}

export function saveSignaturePart(sig: Sm2SignatureExport, stem: string, part: SignaturePart): void {
  http.saveBlob(signatureFile(sig, part), signatureFileName(stem, part));
}

/**
 * GB/T 32918 SM2 with SM3 and the standard's default user id, as OpenSSL 3 checks it (the command the
 * server's tests run), over the files saved under `stem`.
 */
export function opensslCommand(stem: string): string {
  const f = (p: SignaturePart) => signatureFileName(stem, p);
  return `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 -pubin -inkey ${f('publicKey')} -sigfile ${f('signature')} -in ${f('message')}`;
}
