import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, ImportReport } from '../../../contracts/common.js';
import {
  AddEvidence, AddMeasure, CreateRectification, DecideExtension, ExtensionParams, MeasureParams, Note, OrgSummary, Rectification,
  RectificationPage, RectificationQuery, ReopenRectification, RequestExtension, UpdateMeasure, UpdateRectification,
} from '../../../contracts/rectification.js';
import { Body } from '../../../contracts/common.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import { readUpload } from '../../platform/storage/read-upload.js';
import * as svc from './rectification.service.js';
import * as flow from './rectification.workflow.js';
import { exportLedger, importProblemList, importTemplate } from './rectification.import.js';

registerAttachmentOwner('rectification_item', svc.mayReadItem);

const tags = ['rectification'];
const Lang = { lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) };
const LedgerExportQuery = Type.Object({ ...RectificationQuery.properties, ...Lang }, { additionalProperties: false });
const Verify = Body({ pass: Type.Boolean(), note: Type.Optional(Type.String({ format: 'text', maxLength: 1000 })) });
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const rectificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'rectification:read' as const };
  app.get('/', { config: read, schema: { tags, querystring: RectificationQuery, response: { 200: RectificationPage } } }, async (req) =>
    svc.listRectifications(req.ctx, req.query),
  );
  app.get('/summary', { config: read, schema: { tags, querystring: RectificationQuery, response: { 200: OrgSummary } } }, async (req) =>
    svc.rectificationOrgSummary(req.ctx, req.query),
  );
  app.get('/export.xlsx', { config: read, schema: { tags, querystring: LedgerExportQuery } }, async (req, reply) =>
    sendDownload(reply, await exportLedger(req.ctx, req.query, pickLocale(req.query.lang)), 'rectification-ledger.xlsx', XLSX_MIME),
  );
  app.get('/import-template.xlsx', { config: { permission: 'rectification:manage' }, schema: { tags, querystring: Type.Object(Lang, { additionalProperties: false }) } }, async (req, reply) =>
    sendDownload(reply, await importTemplate(pickLocale(req.query.lang)), 'problem-list-template.xlsx', XLSX_MIME),
  );
  app.post(
    '/import',
    { config: { permission: 'rectification:manage', audit: 'rectification.import' }, schema: { tags, response: { 200: ImportReport, 422: ImportReport } } },
    async (req, reply) => {
      const file = await readUpload(req, IMPORT_MAX_BYTES);
      const report = await importProblemList(req.ctx, file.data);
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  );
  app.get('/:id', { config: read, schema: { tags, params: IdParams, response: { 200: Rectification } } }, async (req) => svc.getRectification(req.ctx, req.params.id));
  app.post(
    '/',
    { config: { permission: 'rectification:manage', audit: 'rectification.create', idempotent: true }, schema: { tags, body: CreateRectification, response: { 201: Rectification } } },
    async (req, reply) => reply.code(201).send(await svc.createRectification(req.ctx, req.body)),
  );
  app.patch(
    '/:id',
    { config: { permission: 'rectification:manage', audit: 'rectification.update' }, schema: { tags, params: IdParams, body: UpdateRectification, response: { 200: Rectification } } },
    async (req) => svc.updateRectification(req.ctx, req.params.id, req.body),
  );
  const one = { tags, params: IdParams, response: { 200: Rectification } };
  app.post('/:id/start', { config: { ...read, audit: 'rectification.start' }, schema: { ...one, body: Note } }, async (req) =>
    flow.startRectification(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/measures', { config: { permission: 'rectification:manage', audit: 'rectification.add_measure' }, schema: { ...one, body: AddMeasure } }, async (req) =>
    flow.addMeasure(req.ctx, req.params.id, req.body),
  );
  app.patch(
    '/:id/measures/:measureId',
    { config: { ...read, audit: 'rectification.update_measure' }, schema: { tags, params: MeasureParams, body: UpdateMeasure, response: { 200: Rectification } } },
    async (req) => flow.updateMeasure(req.ctx, req.params.id, req.params.measureId, req.body),
  );
  app.post(
    '/:id/measures/:measureId/evidence',
    { config: { ...read, audit: 'rectification.add_evidence' }, schema: { tags, params: MeasureParams, body: AddEvidence, response: { 200: Rectification } } },
    async (req) => flow.addEvidence(req.ctx, req.params.id, req.params.measureId, req.body),
  );
  app.post('/:id/submit', { config: { ...read, audit: 'rectification.submit' }, schema: { ...one, body: Note } }, async (req) =>
    flow.submitRectification(req.ctx, req.params.id, req.body?.note),
  );
  app.post('/:id/verify', { config: { permission: 'rectification:verify', audit: 'rectification.verify' }, schema: { ...one, body: Verify } }, async (req) =>
    flow.verifyRectification(req.ctx, req.params.id, req.body),
  );
  app.post('/:id/extensions', { config: { ...read, audit: 'rectification.request_extension' }, schema: { ...one, body: RequestExtension } }, async (req) =>
    flow.requestExtension(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/:id/extensions/:extensionId/decision',
    { config: { permission: 'rectification:approve_extension', audit: 'rectification.decide_extension' }, schema: { tags, params: ExtensionParams, body: DecideExtension, response: { 200: Rectification } } },
    async (req) => flow.decideExtension(req.ctx, req.params.id, req.params.extensionId, req.body),
  );
  app.post('/:id/reopen', { config: { permission: 'rectification:verify', audit: 'rectification.reopen' }, schema: { ...one, body: ReopenRectification } }, async (req) =>
    flow.reopenRectification(req.ctx, req.params.id, req.body),
  );
};
