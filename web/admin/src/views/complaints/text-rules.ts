/**
 * The server's text rules (server/platform/http/formats.ts), checked in the form so that it names the
 * problem before anything is sent. Free text refuses markup and invisible characters; short fields
 * (names, reasons, titles) also refuse ASCII quotes, semicolons, backslashes, angle brackets, line breaks
 * and full-width letters or digits, which pass for ASCII. Full-width Chinese punctuation is ordinary writing.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const MARKUP = /<\s*[a-zA-Z!/?]/;
const PLAIN_FORBIDDEN = /["'`;\\<>\r\n\t]/;
const FULLWIDTH_ASCII = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

export function isFreeText(s: string): boolean {
  return !INVISIBLE.test(s) && !MARKUP.test(s) && s === s.normalize('NFC');
}

/** Short single-line fields; the form trims before checking, as the server refuses surrounding spaces. */
export function isShortText(s: string): boolean {
  return isFreeText(s) && !PLAIN_FORBIDDEN.test(s) && !FULLWIDTH_ASCII.test(s);
}

/** Characters as the server counts them (code points), so 𠮷 counts once. */
export function textLength(s: string): number {
  return [...s].length;
}

/** Mainland mobile number, as the contract's pattern. */
export function isMobile(s: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(s);
}
