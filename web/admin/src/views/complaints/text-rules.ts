import { isPlain, isText } from '../../../../../contracts/text-formats';

/**
 * The server's own text rules (contracts/text-formats.ts), checked in the form so that it names the
 * problem before anything is sent. Short fields are trimmed by the form before the check.
 */
export const isFreeText = isText;
export const isShortText = isPlain;

/** Characters as the server counts them (code points), so 𠮷 counts once. */
export function textLength(s: string): number {
  return [...s].length;
}

/** Mainland mobile number, as the contract's pattern. */
export function isMobile(s: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(s);
}
