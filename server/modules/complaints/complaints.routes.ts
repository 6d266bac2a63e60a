import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Body, DateOnly, IdParams, Text } from '../../../contracts/common.js';
import {
  AnswerComplaint, AssignComplaint, Complaint, ComplaintExtension, ComplaintExtensionParams, ComplaintPage, ComplaintQuery, ComplaintStats,
  ComplaintStatsQuery, ComplaintToRectification, DecideComplaintExtension, DispatchComplaint, HandlerMessage, IntakeComplaint, InternalNote,
  LinkComplaint, Receipt, RejectComplaint, ReporterIdentity, RevealIdentity,
} from '../../../contracts/complaints.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import * as work from './complaints.casework.js';
import { exportLedger, exportSummary } from './complaints.export.js';
import * as svc from './complaints.service.js';
import { complaintStats } from './complaints.stats.js';
import * as flow from './complaints.workflow.js';

registerAttachmentOwner('complaint', svc.mayReadComplaint);

const tags = ['complaints'];
const Lang = { lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) };
const LedgerExportQuery = Type.Object({ ...ComplaintQuery.properties, ...Lang }, { additionalProperties: false });
const SummaryExportQuery = Type.Object({ period: Type.Enum(['week', 'month'] as const), date: DateOnly, ...Lang }, { additionalProperties: false });
/** 重办 needs the reason the reporter's dissatisfaction was upheld; 受理 and 办结 may carry a note. */
const RedoComplaint = Body({ note: Text({ minLength: 2, maxLength: 1000 }) });
const StepNote = DispatchComplaint;

export const complaintRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'complaint:read' as const };
  const supervise = 'complaint:supervise' as const;
  const handle = 'complaint:handle' as const;
  const one = { tags, params: IdParams, response: { 200: Complaint } };

  app.get('/', { config: read, schema: { tags, querystring: ComplaintQuery, response: { 200: ComplaintPage } } }, async (req) => svc.listComplaints(req.ctx, req.query));
  app.get('/export.xlsx', { config: read, schema: { tags, querystring: LedgerExportQuery } }, async (req, reply) => {
    const { lang, ...filter } = req.query;
    return sendDownload(reply, await exportLedger(req.ctx, filter, pickLocale(lang)), 'complaints.xlsx', XLSX_MIME);
  });
  app.get('/stats', { config: { permission: 'complaint:stats' }, schema: { tags, querystring: ComplaintStatsQuery, response: { 200: ComplaintStats } } }, async (req) =>
    complaintStats(req.ctx, req.query),
  );
  app.get('/stats/export.xlsx', { config: { permission: 'complaint:stats' }, schema: { tags, querystring: SummaryExportQuery } }, async (req, reply) =>
    sendDownload(reply, await exportSummary(req.ctx, req.query.period, req.query.date, pickLocale(req.query.lang)), `complaints-${req.query.period}-${req.query.date}.xlsx`, XLSX_MIME),
  );
  app.get('/:id', { config: read, schema: one }, async (req) => svc.getComplaint(req.ctx, req.params.id));

  app.post(
    '/',
    { config: { permission: 'complaint:intake', audit: 'complaint.intake', idempotent: true }, schema: { tags, body: IntakeComplaint, response: { 201: Receipt } } },
    async (req, reply) => reply.code(201).send(await svc.intakeComplaint(req.ctx, req.body)),
  );
  app.post('/:id/assign', { config: { permission: supervise, audit: 'complaint.assign' }, schema: { ...one, body: AssignComplaint } }, async (req) =>
    flow.assignComplaint(req.ctx, req.params.id, req.body),
  );
  app.post('/:id/dispatch', { config: { permission: supervise, audit: 'complaint.dispatch' }, schema: { ...one, body: DispatchComplaint } }, async (req) =>
    flow.dispatchComplaint(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/accept', { config: { permission: handle, audit: 'complaint.accept' }, schema: { ...one, body: StepNote } }, async (req) =>
    flow.acceptComplaint(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/answer', { config: { permission: handle, audit: 'complaint.answer' }, schema: { ...one, body: AnswerComplaint } }, async (req) =>
    flow.answerComplaint(req.ctx, req.params.id, req.body.answer),
  );
  app.post('/:id/redo', { config: { permission: supervise, audit: 'complaint.redo' }, schema: { ...one, body: RedoComplaint } }, async (req) =>
    flow.redoComplaint(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/close', { config: { permission: supervise, audit: 'complaint.close' }, schema: { ...one, body: StepNote } }, async (req) =>
    flow.closeComplaint(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/reject', { config: { permission: supervise, audit: 'complaint.reject' }, schema: { ...one, body: RejectComplaint } }, async (req) =>
    flow.rejectComplaint(req.ctx, req.params.id, req.body.reason),
  );
  app.post('/:id/notes', { config: { permission: handle, audit: 'complaint.note' }, schema: { ...one, body: InternalNote } }, async (req) =>
    work.addNote(req.ctx, req.params.id, req.body.body),
  );
  app.post('/:id/messages', { config: { permission: handle, audit: 'complaint.message' }, schema: { ...one, body: HandlerMessage } }, async (req) =>
    work.sendMessage(req.ctx, req.params.id, req.body.body),
  );
  app.post('/:id/extensions', { config: { permission: handle, audit: 'complaint.request_extension' }, schema: { ...one, body: ComplaintExtension } }, async (req) =>
    flow.requestExtension(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/:id/extensions/:extensionId/decision',
    { config: { permission: supervise, audit: 'complaint.decide_extension' }, schema: { tags, params: ComplaintExtensionParams, body: DecideComplaintExtension, response: { 200: Complaint } } },
    async (req) => flow.decideExtension(req.ctx, req.params.id, req.params.extensionId, req.body),
  );
  app.post(
    '/:id/identity',
    { config: { permission: 'complaint:identity', audit: 'complaint.identity_view' }, schema: { tags, params: IdParams, body: RevealIdentity, response: { 200: ReporterIdentity } } },
    async (req) => work.revealIdentity(req.ctx, req.params.id, req.body.reason),
  );
  app.post('/:id/link', { config: { permission: supervise, audit: 'complaint.link' }, schema: { ...one, body: LinkComplaint } }, async (req) =>
    work.linkComplaints(req.ctx, req.params.id, req.body.otherId),
  );
  app.post('/:id/rectification', { config: { permission: supervise, audit: 'complaint.rectification' }, schema: { ...one, body: ComplaintToRectification } }, async (req) =>
    work.toRectification(req.ctx, req.params.id, req.body),
  );
};
