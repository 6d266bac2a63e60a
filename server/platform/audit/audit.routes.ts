import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditExportQuery, AuditPage, AuditQuery, AuditVerification, VerifyAuditRequest } from '../../../contracts/audit.js';
import { XLSX_MIME } from '../excel/excel.js';
import { sendDownload } from '../http/download.js';
import { pickLocale } from '../i18n/i18n.js';
import * as svc from './audit.service.js';

const tags = ['audit'];

/** The audit log is the 安全审计员's alone: only the audit_admin role holds audit:*. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'audit:read' }, schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    svc.listAuditLog(req.ctx, req.query),
  );

  app.get('/export.xlsx', { config: { permission: 'audit:export' }, schema: { tags, querystring: AuditExportQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportAuditLog(req.ctx, req.query, pickLocale(req.query.lang)), 'audit-log.xlsx', XLSX_MIME),
  );

  app.post('/verify', { config: { permission: 'audit:read', audit: 'audit.verify' }, schema: { tags, body: VerifyAuditRequest, response: { 200: AuditVerification } } }, async (req) =>
    svc.verifyAudit(req.ctx),
  );
};
