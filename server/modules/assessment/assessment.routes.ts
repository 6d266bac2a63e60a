import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import {
  Approve, Assessment, AssessmentList, AssessmentPage, AssessmentQuery, CompareQuery, Comparison, CopyRubric, FeedList, LaunchAssessments, PayExportQuery,
  ReturnAssessment, Rubric, RubricPage, RubricQuery, SaveRubric, Sheet,
} from '../../../contracts/assessment.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import * as rubrics from './assessment.rubrics.js';
import * as svc from './assessment.service.js';
import * as flow from './assessment.workflow.js';
import { compareYears, exportPay } from './assessment.results.js';
import './assessment.rectification-feed.js';

const tags = ['assessment'];

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'assessment:read' as const };
  const manage = 'assessment:manage' as const;

  app.get('/feeds', { config: read, schema: { tags, response: { 200: FeedList } } }, async () => rubrics.listFeeds());

  app.get('/rubrics', { config: read, schema: { tags, querystring: RubricQuery, response: { 200: RubricPage } } }, async (req) => rubrics.listRubrics(req.ctx, req.query));
  app.post(
    '/rubrics',
    { config: { permission: manage, audit: 'assessment.rubric.create', idempotent: true }, schema: { tags, body: SaveRubric, response: { 201: Rubric } } },
    async (req, reply) => reply.code(201).send(await rubrics.createRubric(req.ctx, req.body)),
  );
  app.get('/rubrics/:id', { config: read, schema: { tags, params: IdParams, response: { 200: Rubric } } }, async (req) => rubrics.getRubric(req.ctx, req.params.id));
  app.put(
    '/rubrics/:id',
    { config: { permission: manage, audit: 'assessment.rubric.update' }, schema: { tags, params: IdParams, body: SaveRubric, response: { 200: Rubric } } },
    async (req) => rubrics.updateRubric(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/rubrics/:id/publish',
    { config: { permission: manage, audit: 'assessment.rubric.publish' }, schema: { tags, params: IdParams, response: { 200: Rubric } } },
    async (req) => rubrics.publishRubric(req.ctx, req.params.id),
  );
  app.post(
    '/rubrics/:id/copy',
    { config: { permission: manage, audit: 'assessment.rubric.copy' }, schema: { tags, params: IdParams, body: CopyRubric, response: { 201: Rubric } } },
    async (req, reply) => reply.code(201).send(await rubrics.copyRubric(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/rubrics/:id/assessments',
    { config: { permission: manage, audit: 'assessment.launch' }, schema: { tags, params: IdParams, body: LaunchAssessments, response: { 200: AssessmentList } } },
    async (req) => svc.launchAssessments(req.ctx, req.params.id, req.body),
  );

  app.get('/assessments', { config: read, schema: { tags, querystring: AssessmentQuery, response: { 200: AssessmentPage } } }, async (req) =>
    svc.listAssessments(req.ctx, req.query),
  );
  app.get('/assessments/:id', { config: read, schema: { tags, params: IdParams, response: { 200: Assessment } } }, async (req) => svc.getAssessment(req.ctx, req.params.id));

  const one = { tags, params: IdParams, response: { 200: Assessment } };
  app.put('/assessments/:id/self', { config: { permission: 'assessment:self', audit: 'assessment.save_self' }, schema: { ...one, body: Sheet } }, async (req) =>
    flow.saveSheet(req.ctx, req.params.id, 'self', req.body),
  );
  app.post('/assessments/:id/submit-self', { config: { permission: 'assessment:self', audit: 'assessment.submit_self' }, schema: one }, async (req) =>
    flow.submitSelf(req.ctx, req.params.id),
  );
  app.put('/assessments/:id/review', { config: { permission: manage, audit: 'assessment.save_review' }, schema: { ...one, body: Sheet } }, async (req) =>
    flow.saveSheet(req.ctx, req.params.id, 'review', req.body),
  );
  app.post('/assessments/:id/submit-review', { config: { permission: manage, audit: 'assessment.submit_review' }, schema: one }, async (req) =>
    flow.submitReview(req.ctx, req.params.id),
  );
  app.post('/assessments/:id/approve', { config: { permission: 'assessment:approve', audit: 'assessment.approve' }, schema: { ...one, body: Approve } }, async (req) =>
    flow.approveAssessment(req.ctx, req.params.id, req.body),
  );
  // 考核小组 returns from 初评, the 党组织 from 定等次: the policy decides which of the two the caller is.
  app.post('/assessments/:id/return', { config: { ...read, audit: 'assessment.return' }, schema: { ...one, body: ReturnAssessment } }, async (req) =>
    flow.returnAssessment(req.ctx, req.params.id, req.body),
  );
  app.post('/assessments/:id/refresh-feeds', { config: { permission: manage, audit: 'assessment.refresh_feeds' }, schema: one }, async (req) =>
    flow.refreshFeeds(req.ctx, req.params.id),
  );

  app.get('/export.xlsx', { config: read, schema: { tags, querystring: PayExportQuery } }, async (req, reply) =>
    sendDownload(reply, await exportPay(req.ctx, req.query, pickLocale(req.query.lang)), `assessment-pay-${req.query.year}.xlsx`, XLSX_MIME),
  );
  app.get('/compare', { config: read, schema: { tags, querystring: CompareQuery, response: { 200: Comparison } } }, async (req) => compareYears(req.ctx, req.query));
};
