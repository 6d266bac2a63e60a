import type { CryptoPort } from '../crypto/crypto.port.js';

/** About 2 MB at most; a clue page re-checks its whole log on every view, so the recent ones matter. */
const MAX_REMEMBERED = 20_000;
const verified = new Map<string, true>();

/**
 * SM2 verification that remembers, per process, which exact (key, message, signature) verified: one SM2
 * verification costs milliseconds, and a signed log is read far more often than written. Only successes
 * are kept, under all three inputs, so any change to a stored row is checked afresh.
 */
export function verifySignature(crypto: CryptoPort, publicKey: string, message: string, signature: string): boolean {
  const key = `${publicKey}|${signature}|${crypto.sm3(message)}`;
  if (verified.has(key)) return true;
  if (!crypto.sm2Verify(publicKey, message, signature)) return false;
  if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value!);
  verified.set(key, true);
  return true;
}
