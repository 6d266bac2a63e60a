import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ChangePassword, Locale, Login, Me, MfaCode, MfaEnrolConfirm, MfaEnrolment, Obligations, RecoveryCodes, SetupAdmin, SetupStatus } from '../../../contracts/auth.js';
import { Ok } from '../../../contracts/common.js';
import { writeAudit } from '../audit/audit.js';
import { nowIso } from '../clock/clock.js';
import { AppError } from '../http/errors.js';
import { t } from '../i18n/i18n.js';
import { login } from './login.js';
import { describeMe } from './me.js';
import { confirmMfaEnrolment, startMfaEnrolment, verifyMfa } from './mfa.js';
import { changeOwnPassword } from './password-change.js';
import { SESSION_COOKIE, resolveSessionById, revokeSession } from './session.js';
import { needsSetup, setupFirstAdmin } from './setup.js';
import { obligationsOf } from './obligations.js';

const tags = ['auth'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.protocol === 'https' || req.server.deps.config.trustProxy,
  });
}

function sessionIdOf(req: FastifyRequest): string {
  if (req.ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return req.ctx.actor.sessionId;
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/setup', { config: { auth: 'public' }, schema: { tags, response: { 200: SetupStatus } } }, async (req) => ({
    needsSetup: await needsSetup(req.ctx.deps.db, req.ctx.tenantId),
  }));

  app.post(
    '/setup',
    { config: { auth: 'public', audit: 'auth.setup', rateLimit: { max: 20, store: 'shared' } }, schema: { tags, body: SetupAdmin, response: { 200: Ok } } },
    async (req) => {
      await setupFirstAdmin({ ...req.ctx, sourceIp: req.ip }, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/login',
    { config: { auth: 'public', audit: 'auth.login', rateLimit: { max: 30, store: 'shared' } }, schema: { tags, body: Login, response: { 200: Obligations } } },
    async (req, reply) => {
      const { token, sessionId } = await login(req.ctx, req.body, req.ip);
      setSessionCookie(req, reply, token);
      return obligationsOf(req.ctx.deps, sessionId);
    },
  );

  app.post('/logout', { config: { auth: 'pending', audit: 'auth.logout' }, schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
    const ctx = req.ctx;
    if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
    const sessionId = ctx.actor.sessionId;
    await ctx.deps.db.transaction().execute(async (tx) => {
      await revokeSession(tx, sessionId);
      await writeAudit(tx, ctx, { action: 'auth.logout', objectType: 'user_account', objectId: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
    });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { config: { auth: 'pending' }, schema: { tags, response: { 200: Me } } }, async (req) => describeMe(req.ctx));

  app.post(
    '/mfa/verify',
    { config: { auth: 'pending', audit: 'auth.mfa_verify', rateLimit: { max: 20, store: 'shared' } }, schema: { tags, body: MfaCode, response: { 200: Obligations } } },
    async (req) => {
      await verifyMfa(req.ctx, req.body);
      return obligationsOf(req.ctx.deps, sessionIdOf(req));
    },
  );

  app.post(
    '/mfa/enrol/start',
    { config: { auth: 'pending', audit: 'auth.mfa_enrol_start' }, schema: { tags, response: { 200: MfaEnrolment } } },
    async (req) => startMfaEnrolment(req.ctx, t('zh-CN', 'auth.issuer')),
  );

  app.post(
    '/mfa/enrol/confirm',
    { config: { auth: 'pending', audit: 'auth.mfa_enrol', rateLimit: { max: 20, store: 'shared' } }, schema: { tags, body: MfaEnrolConfirm, response: { 200: RecoveryCodes } } },
    async (req) => ({ recoveryCodes: await confirmMfaEnrolment(req.ctx, req.body.code) }),
  );

  app.post(
    '/password',
    { config: { auth: 'pending', audit: 'auth.password_change', rateLimit: { max: 20, store: 'shared' } }, schema: { tags, body: ChangePassword, response: { 200: Obligations } } },
    async (req, reply) => {
      const session = await resolveSessionById(req.ctx.deps, sessionIdOf(req));
      const { token, sessionId } = await changeOwnPassword(req.ctx, req.body, !!session?.mfaOk);
      setSessionCookie(req, reply, token);
      return obligationsOf(req.ctx.deps, sessionId);
    },
  );

  app.put(
    '/locale',
    { config: { auth: 'pending', audit: 'auth.locale' }, schema: { tags, body: Locale, response: { 200: Type.Object({ locale: Type.String() }) } } },
    async (req) => {
      const ctx = req.ctx;
      if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
      const userId = ctx.actor.userId;
      await ctx.deps.db.transaction().execute(async (tx) => {
        await tx.updateTable('user_account').set({ locale: req.body.locale, updated_at: nowIso(ctx.deps.clock) }).where('tenant_id', '=', ctx.tenantId).where('id', '=', userId).execute();
        await writeAudit(tx, ctx, { action: 'auth.locale', objectType: 'user_account', objectId: userId, details: { locale: req.body.locale } });
      });
      return { locale: req.body.locale };
    },
  );
};
