import { hash, hashRaw, verify } from '@node-rs/argon2';
import type { Settings } from '../../../contracts/settings.js';
import { AppError } from '../http/errors.js';

export interface HashCost {
  memoryCost: number;
  timeCost: number;
}

/** argon2id (the library's default algorithm) in libuv's thread pool: slow hashing never blocks the event loop. */
export function hashPassword(password: string, cost: HashCost): Promise<string> {
  return hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * 等保 composition and expiry rules (configurable per tenant). This deliberately deviates from OWASP ASVS
 * V6.2.5/V6.2.10, which forbid composition rules and forced rotation; see docs/security.md.
 */
export function checkPasswordPolicy(password: string, username: string, s: Settings): void {
  const fail = (rule: string, extra: Record<string, number> = {}) => {
    throw new AppError('PASSWORD_POLICY', { rule, ...extra });
  };
  const len = [...password].length;
  if (len < s['security.password.minLength']) fail('minLength', { min: s['security.password.minLength'] });
  if (len > 128) fail('maxLength', { max: 128 });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (classes < s['security.password.minClasses']) fail('minClasses', { min: s['security.password.minClasses'] });
  if (password.toLowerCase().includes(username.toLowerCase())) fail('containsUsername');
}

export function passwordExpired(changedAt: string | null, now: Date, s: Settings): boolean {
  const days = s['security.password.expiryDays'];
  if (!changedAt || days === 0) return false;
  return now.getTime() - new Date(changedAt).getTime() > days * 86_400_000;
}

/**
 * A slow, deterministic hash for secrets that are also lookup keys (receipt codes): argon2id with a salt
 * derived from the master key per tenant and purpose, so equal codes hash alike within a tenant (an
 * index finds them) while a stolen database alone cannot be brute-forced offline cheaply.
 */
export async function slowLookupHash(salt: Buffer, secret: string, cost: HashCost): Promise<string> {
  const raw = await hashRaw(secret, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1, salt: salt.subarray(0, 16) });
  return raw.toString('base64url');
}
