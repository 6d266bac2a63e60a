import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

type Messages = Record<string, string>;

/** Flattens `{a:{b:"x"}}` from `<ns>.json` into `ns.a.b`. */
function flatten(prefix: string, obj: unknown, out: Messages): void {
  if (typeof obj === 'string') {
    out[prefix] = obj;
    return;
  }
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flatten(`${prefix}.${k}`, v, out);
}

function load(locale: Locale): Messages {
  const out: Messages = {};
  for (const f of fs.readdirSync(path.join(dir, locale)).filter((x) => x.endsWith('.json')).sort()) {
    flatten(path.basename(f, '.json'), JSON.parse(fs.readFileSync(path.join(dir, locale, f), 'utf8')), out);
  }
  return out;
}

const catalogs: Record<Locale, Messages> = { 'zh-CN': load('zh-CN'), 'en-US': load('en-US') };

/** Server-side text (Excel headers, document captions) in the caller's language; the key itself if missing. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const msg = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key;
  return msg.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}

export function pickLocale(raw: string | undefined): Locale {
  return raw?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
