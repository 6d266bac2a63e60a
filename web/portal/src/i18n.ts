import { ref } from 'vue';
import zhCN from './locales/zh-CN.json';
import enUS from './locales/en-US.json';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
type Messages = Record<string, string>;

/** `{a:{b:"x"}}` becomes `{"a.b":"x"}`, so a key is one lookup and key parity is a set comparison. */
export function flatten(obj: unknown, prefix = '', out: Messages = {}): Messages {
  if (typeof obj === 'string') out[prefix] = obj;
  else for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const catalogs: Record<Locale, Messages> = { 'zh-CN': flatten(zhCN), 'en-US': flatten(enUS) };
const STORE_KEY = 'qingfeng.portal.locale';

function isLocale(v: unknown): v is Locale {
  return locales.includes(v as Locale);
}

/** Chinese first, as the site's audience expects; English only when the visitor chose it here before. */
function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be switched off (private mode): the page then starts in Chinese every time.
  }
  return 'zh-CN';
}

export const locale = ref<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORE_KEY, next);
  } catch {
    // Without storage the choice lasts for this page view only.
  }
}

export function t(key: string, params: Record<string, string | number> = {}): string {
  const msg = catalogs[locale.value][key] ?? catalogs['zh-CN'][key] ?? key;
  return msg.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export function hasKey(key: string): boolean {
  return key in catalogs['zh-CN'];
}

export function catalogKeys(l: Locale): string[] {
  return Object.keys(catalogs[l]);
}
