import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import {
  CreateDutyTask, DecomposeDutyTask, DutyReportParams, DutyTask, DutyTaskPage, DutyTaskQuery, ReportDutyProgress, ReturnDutyReport, ReviewDutyReport, UpdateDutyTask,
} from '../../../contracts/duty-tasks.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import { registerAssessmentFeed } from '../assessment/assessment.feeds.js';
import * as svc from './duty-tasks.service.js';
import * as progress from './duty-tasks.progress.js';
import { taskOfReport } from './duty-tasks.repo.js';
import { overdueTasks } from './duty-tasks.feed.js';

registerAssessmentFeed('duty_tasks.overdue', overdueTasks);

registerAttachmentOwner(progress.EVIDENCE_OWNER, async (ctx, reportId) => {
  const taskId = await taskOfReport(ctx.deps.db, ctx.tenantId, reportId);
  return !!taskId && (await svc.mayReadTask(ctx, taskId));
});

const tags = ['duty-tasks'];

export const dutyTaskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'duty:read' as const };
  const manage = { permission: 'duty:manage' as const };
  const one = { tags, params: IdParams, response: { 200: DutyTask } };
  app.get('/', { config: read, schema: { tags, querystring: DutyTaskQuery, response: { 200: DutyTaskPage } } }, async (req) => svc.listTasks(req.ctx, req.query));
  app.post(
    '/',
    { config: { ...manage, audit: 'duty_task.create', idempotent: true }, schema: { tags, body: CreateDutyTask, response: { 201: DutyTask } } },
    async (req, reply) => reply.code(201).send(await svc.createTask(req.ctx, req.body)),
  );
  app.get('/:id', { config: read, schema: one }, async (req) => svc.getTask(req.ctx, req.params.id));
  app.patch('/:id', { config: { ...manage, audit: 'duty_task.update' }, schema: { ...one, body: UpdateDutyTask } }, async (req) => svc.updateTask(req.ctx, req.params.id, req.body));
  app.delete('/:id', { config: { ...manage, audit: 'duty_task.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.deleteTask(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.post('/:id/decompose', { config: { ...manage, audit: 'duty_task.decompose' }, schema: { ...one, body: DecomposeDutyTask } }, async (req) =>
    svc.decomposeTask(req.ctx, req.params.id, req.body),
  );
  app.post('/:id/reports', { config: { permission: 'duty:report', audit: 'duty_task.report' }, schema: { ...one, body: ReportDutyProgress } }, async (req) =>
    progress.reportProgress(req.ctx, req.params.id, req.body),
  );
  const review = { tags, params: DutyReportParams, response: { 200: DutyTask } };
  app.post('/:id/reports/:reportId/accept', { config: { ...manage, audit: 'duty_task.accept' }, schema: { ...review, body: ReviewDutyReport } }, async (req) =>
    progress.acceptReport(req.ctx, req.params.id, req.params.reportId, req.body ?? {}),
  );
  app.post('/:id/reports/:reportId/return', { config: { ...manage, audit: 'duty_task.return' }, schema: { ...review, body: ReturnDutyReport } }, async (req) =>
    progress.returnReport(req.ctx, req.params.id, req.params.reportId, req.body),
  );
};
