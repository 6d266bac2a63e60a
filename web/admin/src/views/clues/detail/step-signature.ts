import type { ClueStepSignature, ClueStepVerification } from '../../../api/clues';

export type SignaturePart = 'message' | 'signature' | 'publicKey';
export const signatureParts: readonly SignaturePart[] = ['message', 'signature', 'publicKey'];

export function signatureFileName(seq: number, part: SignaturePart): string {
  return `step-${seq}.${part === 'message' ? 'msg' : part === 'signature' ? 'sig' : 'pub.pem'}`;
}

/** The DER signature as the bytes openssl reads with -sigfile (the API sends it in base64). */
function derBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file a part is saved as: the signed text byte for byte (no trailing newline), the DER signature, the PEM key. */
export function signatureFile(sig: ClueStepSignature, part: SignaturePart): Blob {
  if (part === 'signature') return new Blob([derBytes(sig.signature)], { type: 'application/octet-stream' });
  return new Blob([part === 'message' ? sig.message : sig.publicKeyPem], { type: 'text/plain' });
}

/**
 * GB/T 32918 SM2 with SM3 and the standard's default user id, as OpenSSL 3 checks it; the same command the
 * server's tests run against these files.
 */
export function opensslCommand(seq: number): string {
  const f = (p: SignaturePart) => signatureFileName(seq, p);
  return `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 -pubin -inkey ${f('publicKey')} -sigfile ${f('signature')} -in ${f('message')}`;
}

export type StepProblemKind = ClueStepVerification['problems'][number]['kind'];

/** The verifier's problems by step number, for marking each step; a problem at a number no listed step has stays separate. */
export function problemsBySeq(v: ClueStepVerification, listed: readonly number[]): { bySeq: Map<number, StepProblemKind[]>; unlisted: ClueStepVerification['problems'] } {
  const seqs = new Set(listed);
  const bySeq = new Map<number, StepProblemKind[]>();
  const unlisted: ClueStepVerification['problems'] = [];
  for (const p of v.problems) {
    if (!seqs.has(p.seq)) unlisted.push(p);
    else bySeq.set(p.seq, [...(bySeq.get(p.seq) ?? []), p.kind]);
  }
  return { bySeq, unlisted };
}
