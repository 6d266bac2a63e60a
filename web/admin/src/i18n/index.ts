import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createI18n } from 'vue-i18n';
import { isAppLocale, loadMessages, type AppLocale } from './messages';

const STORAGE_KEY = 'qingfeng.locale';

function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isAppLocale(v)) return v;
  } catch {
    // Storage can be disabled by policy; Chinese is the default then.
  }
  return 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: loadMessages(),
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

function applyLocale(locale: AppLocale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Switches the UI language locally; the caller persists it to the account when signed in. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting locally is harmless: the account keeps the choice.
  }
  applyLocale(locale);
}

applyLocale(currentLocale());

export type { AppLocale };
