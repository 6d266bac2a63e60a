import { currentLocale } from '../i18n';

/** Roles carry both names; the UI shows the one for the current language. */
export function roleName(r: { nameZh: string; nameEn: string }): string {
  return currentLocale() === 'zh-CN' ? r.nameZh : r.nameEn || r.nameZh;
}

export const roleKindTag = { business: 'primary', system: 'danger', security: 'warning', audit: 'success' } as const;
