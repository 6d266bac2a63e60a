import crypto from 'node:crypto';
import type { Static } from 'typebox';
import type { CaptchaChallenge } from '../../../contracts/complaints.js';
import type { Db, Deps, Tx } from '../context.js';
import { AppError } from './errors.js';

/**
 * Proof-of-work captcha in the ALTCHA v1 format (`challenge` = SHA-256(salt + number), `signature` =
 * HMAC-SHA-256 of the challenge, the expiry inside the signed salt), which the `altcha` v3 widget takes
 * and answers with a v1 payload. altcha-lib computes the same with Web Crypto, whose every digest and HMAC
 * is a job for libuv's thread pool: the four threads that also run the argon2 receipt hashes, so under
 * intake load each captcha would wait behind them. Both are a single hash here, computed with node:crypto
 * on the spot; the tests hold this code to altcha-lib in both directions.
 *
 * 100 000 candidates means about 50 000 hashes on average: under a second on a phone, a real cost for a
 * script that files or guesses thousands of times.
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
const keys = new WeakMap<Deps['keys'], Buffer>();
function hmacKey(deps: Deps): Buffer {
  let key = keys.get(deps.keys);
  if (!key) {
    // altcha-lib takes the key as a string and uses its UTF-8 bytes: the hex text is the key.
    key = Buffer.from(deps.keys.derive('altcha').toString('hex'), 'utf8');
    keys.set(deps.keys, key);
  }
  return key;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const sign = (deps: Deps, challenge: string) => crypto.createHmac('sha256', hmacKey(deps)).update(challenge).digest('hex');

export function issueCaptcha(deps: Deps): Captcha {
  const expires = Math.floor((deps.clock.now().getTime() + TTL_MS) / 1000);
  // The trailing `&` ends the parameters, so no one can splice another onto a signed salt.
  const salt = `${crypto.randomBytes(12).toString('hex')}?expires=${expires}&`;
  const challenge = sha256(`${salt}${crypto.randomInt(CAPTCHA_MAX_NUMBER + 1)}`);
  return { algorithm: ALGORITHM, challenge, salt, signature: sign(deps, challenge), maxnumber: CAPTCHA_MAX_NUMBER };
}

function parsePayload(encoded: string): { challenge: string; number: number; salt: string; signature: string } | null {
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
  return { challenge, number, salt, signature };
}

const same = (a: string, b: string) => crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks a solved challenge without looking anything up: the signature (only challenges this installation
 * issued count), the work, and the expiry against the application clock. Synchronous and cheap, so a
 * request without real work is refused before anything else happens.
 */
export function checkCaptcha(deps: Deps, encoded: string): SolvedCaptcha {
  const p = parsePayload(encoded);
  if (!p) throw refused('malformed');
  if (!same(sha256(`${p.salt}${p.number}`), p.challenge) || !same(sign(deps, p.challenge), p.signature)) throw refused('invalid');
  const expires = Number(new URLSearchParams(p.salt.split('?')[1] ?? '').get('expires'));
  const expiresAt = expires * 1000;
  if (!Number.isSafeInteger(expires) || expiresAt <= deps.clock.now().getTime()) throw refused('expired');
  return { marker: `captcha:${deps.crypto.sm3(p.signature)}`, expiresAt };
}

/** Refuses a challenge already used, before the caller spends slow work on the request it came with. */
export async function refuseSpentCaptcha(deps: Deps, solved: SolvedCaptcha): Promise<void> {
  if (await deps.db.selectFrom('rate_limit').select('key').where('key', '=', solved.marker).executeTakeFirst()) throw refused('used');
}

/**
 * Uses a checked challenge up, once across all processes, in the caller's transaction (so it costs no
 * commit of its own): its marker goes into the shared `rate_limit` table until the challenge expires (the
 * hourly purge removes it after that, when the expiry check refuses the challenge anyway). The marker is
 * a hash of the challenge's signature; nothing about the client is kept.
 */
export async function spendCaptcha(db: Db | Tx, solved: SolvedCaptcha): Promise<void> {
  const r = await db
    .insertInto('rate_limit')
    .values({ key: solved.marker, count: 1, reset_at: solved.expiresAt })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw refused('used');
}
