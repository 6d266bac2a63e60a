import type { RouteCase } from '../../test/route-case.js';

/** Only the 安全审计员 (audit_admin) holds audit:*; the other two administrators are refused like everyone else. */
export const auditCases: RouteCase[] = [
  { method: 'GET', route: '/api/audit', allow: ['auditor'], request: () => ({ url: '/api/audit?pageSize=5&result=success' }) },
  { method: 'GET', route: '/api/audit/export.xlsx', allow: ['auditor'], request: () => ({ url: '/api/audit/export.xlsx?action=org.create&lang=zh-CN' }) },
  { method: 'POST', route: '/api/audit/verify', allow: ['auditor'], request: () => ({ url: '/api/audit/verify', body: {} }) },
];
