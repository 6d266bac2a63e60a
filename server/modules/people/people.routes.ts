import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ImportReport, Ok } from '../../../contracts/common.js';
import {
  CreatePerson,
  LangQuery,
  Person,
  PersonDetail,
  PersonExportQuery,
  PersonImportRejected,
  PersonPage,
  PersonQuery,
  PersonSensitive,
  RevealPerson,
  UpdatePerson,
} from '../../../contracts/people.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { AppError } from '../../platform/http/errors.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { importLimitBytes, importPeople, importTemplate } from './people.import.js';
import * as svc from './people.service.js';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'person:read' }, schema: { tags, querystring: PersonQuery, response: { 200: PersonPage } } }, async (req) =>
    svc.listPeople(req.ctx, req.query),
  );

  app.get('/export.xlsx', { config: { permission: 'person:read' }, schema: { tags, querystring: PersonExportQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportPeople(req.ctx, req.query, pickLocale(req.query.lang)), 'people.xlsx', XLSX_MIME),
  );

  app.get('/import-template.xlsx', { config: { permission: 'person:manage' }, schema: { tags, querystring: LangQuery } }, async (req, reply) =>
    sendDownload(reply, await importTemplate(pickLocale(req.query.lang)), 'people-import.xlsx', XLSX_MIME),
  );

  app.post(
    '/import',
    {
      config: { permission: 'person:manage', audit: 'person.import' },
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportReport, 422: PersonImportRejected } },
    },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: await importLimitBytes(req.ctx), files: 1 } });
      if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', { part: 'body', field: 'file' });
      const report = await importPeople(req.ctx, await file.toBuffer());
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  );

  app.get('/:id', { config: { permission: 'person:read' }, schema: { tags, params: IdParams, response: { 200: PersonDetail } } }, async (req) =>
    svc.getPerson(req.ctx, req.params.id),
  );

  app.post(
    '/',
    { config: { permission: 'person:manage', audit: 'person.create', idempotent: true }, schema: { tags, body: CreatePerson, response: { 201: Person } } },
    async (req, reply) => reply.code(201).send(await svc.createPerson(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'person:manage', audit: 'person.update' }, schema: { tags, params: IdParams, body: UpdatePerson, response: { 200: Person } } },
    async (req) => svc.updatePerson(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/:id',
    { config: { permission: 'person:manage', audit: 'person.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deletePerson(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/reveal',
    { config: { permission: 'person:reveal', audit: 'person.reveal' }, schema: { tags, params: IdParams, body: RevealPerson, response: { 200: PersonSensitive } } },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await svc.revealPerson(req.ctx, req.params.id, req.body.reason)),
  );
};
