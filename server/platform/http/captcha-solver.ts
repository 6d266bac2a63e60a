import crypto from 'node:crypto';
import type { Captcha } from './captcha.js';

/**
 * For tests: solves a challenge exactly as the widget does (sha256(salt + n)) and encodes the answer as
 * it does. Node's synchronous hash is some thirty times faster than altcha-lib's Web Crypto solver.
 */
export function solveCaptcha(c: Captcha): string {
  for (let n = 0; n <= (c.maxnumber ?? 1e6); n += 1) {
    if (crypto.createHash('sha256').update(`${c.salt}${n}`).digest('hex') === c.challenge) {
      return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature, took: 1 })).toString('base64');
    }
  }
  throw new Error('challenge has no solution');
}
