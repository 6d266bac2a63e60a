/**
 * The server's rule for short fields (titles, labels, evidence notes): no full-width ASCII forms
 * (，（）：？！ and full-width letters are U+FF01–FF5E) and no ASCII quotes, semicolons, backslashes or
 * angle brackets. Checked here too so the form names the problem before anything is sent.
 */
const FORBIDDEN = /["'`;\\<>\uFF01-\uFF5E]/;

export function isPlainText(s: string): boolean {
  return !FORBIDDEN.test(s);
}
