/**
 * Text rules shared by validation and import: what a name or a free-text field may contain.
 * Zero-width and bidi-override characters hide content from reviewers; NUL is refused by PostgreSQL;
 * markup has no business in any field because every view renders text, never HTML.
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const MARKUP = /<\s*[a-zA-Z!/?]/;
/** Short fields also refuse ASCII quotes, semicolons, backslashes and angle brackets: no name needs them. */
const PLAIN_FORBIDDEN = /["'`;\\<>\r\n\t]/;
/**
 * Full-width Latin letters and digits in a name are look-alikes of ASCII, used to dodge duplicate checks
 * and filters; full-width punctuation (，（）：；？！) is ordinary Chinese writing and stays allowed.
 */
const FULLWIDTH_ASCII = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

export function isText(s: string): boolean {
  return !INVISIBLE.test(s) && !MARKUP.test(s) && s === s.normalize('NFC');
}

export function isPlain(s: string): boolean {
  return isText(s) && !PLAIN_FORBIDDEN.test(s) && !FULLWIDTH_ASCII.test(s) && s.trim() === s;
}
