import type { Deps } from '../../platform/context.js';
import { slowLookupHash } from '../../platform/auth/password.js';

const DIGITS = 16;

/** 16 random digits, grouped like a phone number so a reporter can keep it inconspicuously. */
export function newReceiptCode(deps: Deps): string {
  return deps.crypto.randomDigits(DIGITS);
}

/** Spaces and dashes are how people copy codes; only the digits count. */
export function normalizeReceiptCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16,24}$/.test(digits) ? digits : null;
}

export function receiptHash(deps: Deps, tenantId: string, code: string): Promise<string> {
  return slowLookupHash(deps.keys.derive(`complaint-receipt:${tenantId}`), code, deps.config.passwordHashing);
}
