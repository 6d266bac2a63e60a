export const appLocales = ['zh-CN', 'en-US'] as const;
export type AppLocale = (typeof appLocales)[number];

export type MessageTree = { [key: string]: string | MessageTree };

const files = import.meta.glob<MessageTree>('../locales/*/*.json', { eager: true, import: 'default' });

/** One JSON file per namespace and locale (`locales/zh-CN/orgs.json` → `orgs.*`). */
export function loadMessages(): Record<AppLocale, Record<string, MessageTree>> {
  const out: Record<AppLocale, Record<string, MessageTree>> = { 'zh-CN': {}, 'en-US': {} };
  for (const [file, tree] of Object.entries(files)) {
    const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!m) continue;
    const [, locale, ns] = m;
    if (!isAppLocale(locale) || !ns) continue;
    out[locale][ns] = tree;
  }
  return out;
}

export function isAppLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (appLocales as readonly string[]).includes(v);
}
