/**
 * Receipt codes as people handle them: shown in groups of four so they can be read out and copied by hand,
 * and typed back with whatever spacing, dashes or full-width digits a phone keyboard produces.
 */
export function groupReceipt(code: string): string {
  return code.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uFE63\uFF0D_.·]/g;

/** The digits of a typed code, or null when it cannot be one (the server accepts 16 to 24 digits). */
export function normalizeReceipt(input: string): string | null {
  const digits = input.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(SEPARATORS, '');
  return /^\d{16,24}$/.test(digits) ? digits : null;
}
