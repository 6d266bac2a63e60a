/** One spelling per account: NFKC folds full-width forms, zero-width characters are dropped, case is ignored. */
export function normalizeUsername(u: string): string {
  return u.normalize('NFKC').replace(/[\u200B-\u200F\u2060\uFEFF]/g, '').trim().toLowerCase();
}

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$';
