import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { Payload } from 'altcha-lib/v1/types';
import type { Static } from 'typebox';
import type { CaptchaChallenge } from '../../../contracts/complaints.js';
import type { Deps } from '../context.js';
import { AppError } from './errors.js';

/**
 * ALTCHA v1 challenges (SHA-256, `challenge`/`salt`/`signature`/`maxnumber`): the `altcha` v3 widget still
 * takes this shape (it converts it and answers with a v1 payload), and checking one costs the server a
 * single hash and HMAC. 100 000 candidates means about 50 000 hashes on average: under a second on a phone,
 * a real cost for a script that files or guesses thousands of times.
 */
export const CAPTCHA_MAX_NUMBER = 100_000;
const ALGORITHM = 'SHA-256';
const TTL_MS = 10 * 60_000;
const HEX64 = /^[0-9a-f]{64}$/;

export type Captcha = Static<typeof CaptchaChallenge>;

/** Checked but not yet used up: its single-use marker and how long that marker must live. */
export interface SolvedCaptcha {
  marker: string;
  expiresAt: number;
}

const refused = (reason: 'malformed' | 'invalid' | 'expired' | 'used') => new AppError('VALIDATION_FAILED', { part: 'body', field: 'captcha', keyword: 'captcha', reason });

/** One key for every process: derived from the master key, so a challenge issued by one server is accepted by all. */
const hmacKey = (deps: Deps) => deps.keys.derive('altcha').toString('hex');

export async function issueCaptcha(deps: Deps): Promise<Captcha> {
  const c = await createChallenge({
    algorithm: ALGORITHM,
    hmacKey: hmacKey(deps),
    maxnumber: CAPTCHA_MAX_NUMBER,
    expires: new Date(deps.clock.now().getTime() + TTL_MS),
  });
  return { algorithm: c.algorithm, challenge: c.challenge, salt: c.salt, signature: c.signature, maxnumber: c.maxnumber ?? CAPTCHA_MAX_NUMBER };
}

function parsePayload(encoded: string): Payload | null {
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof p !== 'object' || p === null) return null;
  const { algorithm, challenge, number, salt, signature } = p as Record<string, unknown>;
  if (algorithm !== ALGORITHM || typeof challenge !== 'string' || !HEX64.test(challenge)) return null;
  if (typeof signature !== 'string' || !HEX64.test(signature) || typeof salt !== 'string' || salt.length > 200) return null;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0 || number > CAPTCHA_MAX_NUMBER) return null;
  return { algorithm, challenge, number, salt, signature };
}

/**
 * Checks a solved challenge without using it up: the signature (so only challenges this installation
 * issued count), the work, and the expiry against the application clock. Stateless and cheap, so a request
 * without real work is refused before anything else happens.
 */
export async function checkCaptcha(deps: Deps, encoded: string): Promise<SolvedCaptcha> {
  const payload = parsePayload(encoded);
  if (!payload) throw refused('malformed');
  if (!(await verifySolution(payload, hmacKey(deps), false))) throw refused('invalid');
  const expires = Number(new URLSearchParams(payload.salt.split('?')[1] ?? '').get('expires'));
  const expiresAt = expires * 1000;
  if (!Number.isSafeInteger(expires) || expiresAt <= deps.clock.now().getTime()) throw refused('expired');
  return { marker: `captcha:${deps.crypto.sm3(payload.signature)}`, expiresAt };
}

/**
 * Uses a checked challenge up, once across all processes: its marker goes into the shared `rate_limit`
 * table until the challenge expires (the hourly purge removes it after that, when the expiry check refuses
 * the challenge anyway). The marker is a hash of the challenge's signature; nothing about the client is kept.
 */
export async function spendCaptcha(deps: Deps, solved: SolvedCaptcha): Promise<void> {
  const r = await deps.db
    .insertInto('rate_limit')
    .values({ key: solved.marker, count: 1, reset_at: solved.expiresAt })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw refused('used');
}

export async function requireCaptcha(deps: Deps, encoded: string): Promise<void> {
  await spendCaptcha(deps, await checkCaptcha(deps, encoded));
}
