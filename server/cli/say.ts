import { pickLocale, t, type Locale } from '../platform/i18n/i18n.js';

/** Operators read the CLI in the language of their shell (QINGFENG_LOCALE, else LC_ALL / LANG). */
export const cliLocale: Locale = pickLocale(process.env.QINGFENG_LOCALE || process.env.LC_ALL || process.env.LANG);

export function msg(key: string, params: Record<string, string | number> = {}): string {
  return t(cliLocale, `cli.${key}`, params);
}

/** Straight to stdout, never through the logger: what is printed here (set-up tokens, initial passwords) must not reach a log file. */
export function say(key: string, params: Record<string, string | number> = {}): void {
  process.stdout.write(`${msg(key, params)}\n`);
}

export function warn(key: string, params: Record<string, string | number> = {}): void {
  process.stderr.write(`${msg(key, params)}\n`);
}
