import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import {
  CreateDutyPlan, DutyImportReport, DutyLangQuery, DutyPlan, DutyPlanPage, DutyPlanQuery, DutyPlanSummary, DutyPlanTasks, UpdateDutyPlan,
} from '../../../contracts/duty-tasks.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { readUpload } from '../../platform/storage/read-upload.js';
import * as svc from './duty-plans.service.js';
import { breakdownTemplate, exportBreakdown, importBreakdown, importLimitBytes } from './duty-tasks.sheet.js';

const tags = ['duty-tasks'];

export const dutyPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'duty:read' as const };
  const manage = { permission: 'duty:manage' as const };
  app.get('/', { config: read, schema: { tags, querystring: DutyPlanQuery, response: { 200: DutyPlanPage } } }, async (req) => svc.listPlans(req.ctx, req.query));
  app.post(
    '/',
    { config: { ...manage, audit: 'duty_plan.create', idempotent: true }, schema: { tags, body: CreateDutyPlan, response: { 201: DutyPlan } } },
    async (req, reply) => reply.code(201).send(await svc.createPlan(req.ctx, req.body)),
  );
  app.get('/import-template.xlsx', { config: manage, schema: { tags, querystring: DutyLangQuery } }, async (req, reply) =>
    sendDownload(reply, await breakdownTemplate(pickLocale(req.query.lang)), 'duty-task-breakdown-template.xlsx', XLSX_MIME),
  );
  app.get('/:id', { config: read, schema: { tags, params: IdParams, response: { 200: DutyPlan } } }, async (req) => svc.getPlan(req.ctx, req.params.id));
  app.patch(
    '/:id',
    { config: { ...manage, audit: 'duty_plan.update' }, schema: { tags, params: IdParams, body: UpdateDutyPlan, response: { 200: DutyPlan } } },
    async (req) => svc.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.get('/:id/tasks', { config: read, schema: { tags, params: IdParams, response: { 200: DutyPlanTasks } } }, async (req) => svc.planTasks(req.ctx, req.params.id));
  app.get('/:id/summary', { config: read, schema: { tags, params: IdParams, response: { 200: DutyPlanSummary } } }, async (req) => svc.planSummary(req.ctx, req.params.id));
  app.get('/:id/export.xlsx', { config: read, schema: { tags, params: IdParams, querystring: DutyLangQuery } }, async (req, reply) => {
    const file = await exportBreakdown(req.ctx, req.params.id, pickLocale(req.query.lang));
    return sendDownload(reply, file.data, file.name, XLSX_MIME);
  });
  app.post(
    '/:id/import',
    { config: { ...manage, audit: 'duty_task.import' }, schema: { tags, params: IdParams, response: { 200: DutyImportReport, 422: DutyImportReport } } },
    async (req, reply) => {
      const file = await readUpload(req, await importLimitBytes(req.ctx));
      const report = await importBreakdown(req.ctx, req.params.id, file.data);
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  );
};
