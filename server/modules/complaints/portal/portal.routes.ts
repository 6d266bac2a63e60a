import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '../../../../contracts/common.js';
import { CaptchaChallenge, PortalCatalogue, PublicStats, Receipt, ReceiptLogin, ReporterMessage, ReporterRating, ReporterSession, ReporterView } from '../../../../contracts/complaints.js';
import { issueCaptcha } from '../../../platform/http/captcha.js';
import { claimIdempotency } from '../../../platform/http/idempotency.js';
import { publicLogLevel } from '../../../platform/http/public-log-level.js';
import { uploadLimitBytes } from '../../../platform/storage/attachments.service.js';
import { formFingerprint, readComplaintForm } from './intake-form.js';
import { fileComplaint } from './intake.service.js';
import { portalCatalogueJson, publicStats } from './public-reads.service.js';
import { openReporterSession } from './receipt-login.service.js';
import { REPORTER_SESSION_HEADER, resolveReporterSession } from './reporter-session.js';
import * as reporter from './reporter.service.js';

const tags = ['portal'];

/**
 * 监督一点通, the public side: no staff session is read, no cookie is set, and the use cases never see the
 * client's address (the guard gives public routes none), and nothing but warnings and errors is logged
 * (publicLogLevel).
 */
export const complaintPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const logLevel = publicLogLevel(app.deps.config.logLevel);
  const auth = 'public' as const;
  const grant = (req: { ctx: Parameters<typeof resolveReporterSession>[0]; headers: Record<string, string | string[] | undefined> }) =>
    resolveReporterSession(req.ctx, req.headers[REPORTER_SESSION_HEADER]);

  app.get('/catalogue', { logLevel, config: { auth }, schema: { tags, response: { 200: PortalCatalogue } } }, async (req, reply) =>
    // Already the JSON text of PortalCatalogue (built from the same shape): sent as it is.
    reply.type('application/json; charset=utf-8').send((await portalCatalogueJson(req.ctx)) as never),
  );

  app.get('/stats', { logLevel, config: { auth }, schema: { tags, response: { 200: PublicStats } } }, async (req) => publicStats(req.ctx));

  app.get('/captcha', { logLevel, config: { auth }, schema: { tags, response: { 200: CaptchaChallenge } } }, async (req) => issueCaptcha(req.ctx.deps));

  app.post(
    '/',
    {
      logLevel,
      config: { auth, audit: 'complaint.portal_submit', idempotent: true, idempotencyFingerprint: 'handler', rateLimit: { max: 20, store: 'memory' } },
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: Receipt } },
    },
    async (req, reply) => {
      const form = await readComplaintForm(req, req.ctx.deps, await uploadLimitBytes(req.ctx));
      if (await claimIdempotency(req, reply, formFingerprint(req.ctx.deps, form))) return reply;
      return reply.code(201).send(await fileComplaint(req.ctx, form));
    },
  );

  app.post(
    '/session',
    { logLevel, config: { auth, audit: 'complaint.reporter_login', rateLimit: { max: 20, store: 'memory' } }, schema: { tags, body: ReceiptLogin, response: { 200: ReporterSession } } },
    async (req) => openReporterSession(req.ctx, req.body),
  );

  app.get('/mine', { logLevel, config: { auth }, schema: { tags, response: { 200: ReporterView } } }, async (req, reply) =>
    // Already the JSON text of ReporterView (built from the same shape): sent as it is.
    reply.type('application/json; charset=utf-8').send((await reporter.reporterViewJson(req.ctx, await grant(req))) as never),
  );

  app.post(
    '/mine/messages',
    { logLevel, config: { auth, audit: 'complaint.reporter_message', rateLimit: { max: 20, store: 'memory' } }, schema: { tags, body: ReporterMessage, response: { 200: ReporterView } } },
    async (req) => reporter.addReporterMessage(req.ctx, await grant(req), req.body.body),
  );

  app.post(
    '/mine/rating',
    { logLevel, config: { auth, audit: 'complaint.reporter_rating', rateLimit: { max: 20, store: 'memory' } }, schema: { tags, body: ReporterRating, response: { 200: ReporterView } } },
    async (req) => reporter.rateAnswer(req.ctx, await grant(req), req.body),
  );

  app.post('/mine/logout', { logLevel, config: { auth, audit: 'complaint.reporter_logout' }, schema: { tags, response: { 200: Ok } } }, async (req) => {
    await reporter.logoutReporter(req.ctx, await grant(req));
    return { ok: true as const };
  });
};
