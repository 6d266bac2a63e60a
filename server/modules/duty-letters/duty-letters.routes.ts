import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import {
  CreateDutyLetterTemplate,
  DocxQuery,
  DutyBoard,
  DutyBoardExportQuery,
  DutyBoardQuery,
  DutyLetter,
  DutyLetterPage,
  DutyLetterPartyParams,
  DutyLetterQuery,
  DutyLetterSignatureExport,
  DutyLetterTemplate,
  DutyLetterTemplatePage,
  DutyLetterTemplateQuery,
  DutyProposal,
  DutyProposalQuery,
  IssueDutyLetters,
  IssueResult,
  MyDutyLetters,
  MyDutyLettersQuery,
  ReviseDutyLetter,
  SignDutyLetter,
  UpdateDutyLetter,
  UpdateDutyLetterTemplate,
} from '../../../contracts/duty-letters.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { registerAssessmentFeed } from '../assessment/assessment.feeds.js';
import { exportBoard, signingBoard } from './duty-letters.board.js';
import { DOCX_MIME, letterDocx } from './duty-letters.archive.js';
import { LETTER_SIGNING_RATE, letterSigningRate } from './duty-letters.feed.js';
import { proposeLetters } from './duty-letters.proposal.js';
import * as svc from './duty-letters.service.js';
import { exportSignature, signLetter } from './duty-letters.sign.js';
import * as templates from './duty-letters.templates.js';

const tags = ['duty-letters'];

registerAssessmentFeed(LETTER_SIGNING_RATE, letterSigningRate);

export const dutyLetterTemplateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'duty:read' }, schema: { tags, querystring: DutyLetterTemplateQuery, response: { 200: DutyLetterTemplatePage } } }, async (req) =>
    templates.listTemplates(req.ctx, req.query),
  );

  app.post(
    '/',
    { config: { permission: 'duty:manage', audit: 'duty_letter_template.create', idempotent: true }, schema: { tags, body: CreateDutyLetterTemplate, response: { 201: DutyLetterTemplate } } },
    async (req, reply) => reply.code(201).send(await templates.createTemplate(req.ctx, req.body)),
  );

  app.get('/:id', { config: { permission: 'duty:read' }, schema: { tags, params: IdParams, response: { 200: DutyLetterTemplate } } }, async (req) =>
    templates.getTemplate(req.ctx, req.params.id),
  );

  app.patch(
    '/:id',
    { config: { permission: 'duty:manage', audit: 'duty_letter_template.update' }, schema: { tags, params: IdParams, body: UpdateDutyLetterTemplate, response: { 200: DutyLetterTemplate } } },
    async (req) => templates.updateTemplate(req.ctx, req.params.id, req.body),
  );

  app.delete('/:id', { config: { permission: 'duty:manage', audit: 'duty_letter_template.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await templates.deleteTemplate(req.ctx, req.params.id);
    return { ok: true as const };
  });
};

export const dutyLetterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'duty:read' }, schema: { tags, querystring: DutyLetterQuery, response: { 200: DutyLetterPage } } }, async (req) =>
    svc.listLetters(req.ctx, req.query),
  );

  app.get('/mine', { config: { permission: 'duty:sign' }, schema: { tags, querystring: MyDutyLettersQuery, response: { 200: MyDutyLetters } } }, async (req) =>
    svc.myLetters(req.ctx, req.query),
  );

  app.get('/proposal', { config: { permission: 'duty:manage' }, schema: { tags, querystring: DutyProposalQuery, response: { 200: DutyProposal } } }, async (req) =>
    proposeLetters(req.ctx, req.query.year),
  );

  app.post(
    '/issue',
    { config: { permission: 'duty:manage', audit: 'duty_letter.issue', idempotent: true }, schema: { tags, body: IssueDutyLetters, response: { 201: IssueResult } } },
    async (req, reply) => reply.code(201).send(await svc.issueLetters(req.ctx, req.body)),
  );

  app.get('/board', { config: { permission: 'duty:read' }, schema: { tags, querystring: DutyBoardQuery, response: { 200: DutyBoard } } }, async (req) =>
    signingBoard(req.ctx, req.query),
  );

  app.get('/board/export.xlsx', { config: { permission: 'duty:read' }, schema: { tags, querystring: DutyBoardExportQuery } }, async (req, reply) => {
    const { lang, ...q } = req.query;
    return sendDownload(reply, await exportBoard(req.ctx, q, pickLocale(lang)), `duty-letters-${q.year}.xlsx`, XLSX_MIME);
  });

  app.get('/:id', { config: { permission: 'duty:read' }, schema: { tags, params: IdParams, response: { 200: DutyLetter } } }, async (req) =>
    svc.getLetter(req.ctx, req.params.id),
  );

  app.patch(
    '/:id',
    { config: { permission: 'duty:manage', audit: 'duty_letter.update' }, schema: { tags, params: IdParams, body: UpdateDutyLetter, response: { 200: DutyLetter } } },
    async (req) => svc.updateLetter(req.ctx, req.params.id, req.body),
  );

  app.delete('/:id', { config: { permission: 'duty:manage', audit: 'duty_letter.withdraw' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.withdrawLetter(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post(
    '/:id/sign',
    { config: { permission: 'duty:sign', audit: 'duty_letter.sign' }, schema: { tags, params: IdParams, body: SignDutyLetter, response: { 200: DutyLetter } } },
    async (req) => signLetter(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/:id/revise',
    { config: { permission: 'duty:manage', audit: 'duty_letter.revise' }, schema: { tags, params: IdParams, body: ReviseDutyLetter, response: { 201: DutyLetter } } },
    async (req, reply) => reply.code(201).send(await svc.reviseLetter(req.ctx, req.params.id, req.body)),
  );

  app.get('/:id/letter.docx', { config: { permission: 'duty:read' }, schema: { tags, params: IdParams, querystring: DocxQuery } }, async (req, reply) => {
    const { code, body } = await letterDocx(req.ctx, req.params.id, pickLocale(req.query.lang));
    return sendDownload(reply, body, `${code}.docx`, DOCX_MIME);
  });

  app.get(
    '/:id/parties/:partyId/signature',
    { config: { permission: 'duty:read' }, schema: { tags, params: DutyLetterPartyParams, response: { 200: DutyLetterSignatureExport } } },
    async (req) => exportSignature(req.ctx, req.params.id, req.params.partyId),
  );
};
