import { http, type Query } from './http';
import type { AuditQuery, AuditRecord, AuditVerification, Page } from './types';
import type { AppLocale } from '../i18n/messages';

export const auditApi = {
  list: (q: AuditQuery) => http.get<Page<AuditRecord>>('/api/audit', q as Query),
  export: (q: AuditQuery, lang: AppLocale) => http.download('/api/audit/export.xlsx', { ...(q as Query), page: undefined, pageSize: undefined, lang }, 'audit.xlsx'),
  verify: () => http.post<AuditVerification>('/api/audit/verify'),
};
