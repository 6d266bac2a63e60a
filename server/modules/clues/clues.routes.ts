import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../../contracts/common.js';
import {
  AddClueAccess, Clue, ClueAccessList, ClueAccessParams, ClueAttachmentParams, ClueExportQuery, ClueForwardAck,
  ClueIdentityRequest, ClueIdentityRequestPage, ClueIdentityRequestQuery, CluePage, ClueQuery, ClueReferralQuery, ClueReporterIdentity,
  ClueScopeDecision, ClueStats, ClueStatsQuery, ComplaintToClue, DecideClueIdentity, RegisterClue, RequestClueIdentity, ViewClueIdentity,
} from '../../../contracts/clues.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import { readUpload } from '../../platform/storage/read-upload.js';
import { uploadLimitBytes } from '../../platform/storage/attachments.service.js';
import { addAccess, listAccess, removeAccess } from './clues.access.js';
import { addClueAttachment, openClueAttachment } from './clues.attachments.js';
import { getClue } from './clues.detail.js';
import { exportClues } from './clues.export.js';
import { complaintToClue } from './clues.from-complaint.js';
import { decideIdentityRequest, listIdentityRequests, requestIdentity, viewIdentity } from './clues.identity.js';
import { listClues } from './clues.list.js';
import { referralPacket } from './clues.referral.js';
import { registerClue } from './clues.register.js';
import { acknowledgeForward, decideScope } from './clues.scope.js';
import { clueStats, exportClueStats } from './clues.stats.js';

const tags = ['clues'];
const Lang = { lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) };
const LedgerExportQuery = Type.Object({ ...ClueExportQuery.properties, ...Lang }, { additionalProperties: false });
const StatsExportQuery = Type.Object({ ...ClueStatsQuery.properties, ...Lang }, { additionalProperties: false });
const ReferralQuery = Type.Object({ ...ClueReferralQuery.properties, ...Lang }, { additionalProperties: false });
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** /api/clues: every answer is limited to the caller's access list; anything else is 404. */
export const clueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: 'clue:read' as const };
  const manage = 'clue:manage' as const;
  const one = { tags, params: IdParams, response: { 200: Clue } };

  app.get('/', { config: read, schema: { tags, querystring: ClueQuery, response: { 200: CluePage } } }, async (req) => listClues(req.ctx, req.query));
  app.get('/export.xlsx', { config: read, schema: { tags, querystring: LedgerExportQuery } }, async (req, reply) => {
    const { lang, ...filter } = req.query;
    return sendDownload(reply, await exportClues(req.ctx, filter, pickLocale(lang)), `clues-${filter.ledger ?? 'register'}.xlsx`, XLSX_MIME);
  });
  app.get('/stats', { config: { permission: 'clue:stats' }, schema: { tags, querystring: ClueStatsQuery, response: { 200: ClueStats } } }, async (req) => clueStats(req.ctx, req.query));
  app.get('/stats/export.xlsx', { config: { permission: 'clue:stats' }, schema: { tags, querystring: StatsExportQuery } }, async (req, reply) => {
    const { lang, ...q } = req.query;
    return sendDownload(reply, await exportClueStats(req.ctx, q, pickLocale(lang)), `clue-stats-${q.year}${q.quarter ? `-q${q.quarter}` : ''}.xlsx`, XLSX_MIME);
  });
  app.post(
    '/',
    { config: { permission: 'clue:register', audit: 'clue.register', idempotent: true }, schema: { tags, body: RegisterClue, response: { 201: Clue } } },
    async (req, reply) => reply.code(201).send(await registerClue(req.ctx, req.body)),
  );
  app.get('/:id', { config: read, schema: one }, async (req) => getClue(req.ctx, req.params.id));

  app.post(
    '/:id/attachments',
    { config: { ...read, audit: 'clue.attachment_add' }, schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Clue } } },
    async (req, reply) => {
      const file = await readUpload(req, await uploadLimitBytes(req.ctx));
      await addClueAttachment(req.ctx, req.params.id, file);
      return reply.code(201).send(await getClue(req.ctx, req.params.id));
    },
  );
  app.get('/:id/attachments/:attachmentId', { config: read, schema: { tags, params: ClueAttachmentParams } }, async (req, reply) => {
    const { attachment, body } = await openClueAttachment(req.ctx, req.params.id, req.params.attachmentId);
    return sendDownload(reply.header('content-length', attachment.size), body, attachment.name, attachment.mime);
  });

  app.post('/:id/scope', { config: { permission: manage, audit: 'clue.scope' }, schema: { ...one, body: ClueScopeDecision } }, async (req) =>
    decideScope(req.ctx, req.params.id, req.body),
  );
  app.post('/:id/forward-ack', { config: { permission: manage, audit: 'clue.forward_ack' }, schema: { ...one, body: ClueForwardAck } }, async (req) =>
    acknowledgeForward(req.ctx, req.params.id, req.body),
  );

  app.get('/:id/access', { config: read, schema: { tags, params: IdParams, response: { 200: ClueAccessList } } }, async (req) => listAccess(req.ctx, req.params.id));
  // clue:read, not clue:manage: a registrar (信访干事) hands the clue to its first owner through this route.
  app.post('/:id/access', { config: { ...read, audit: 'clue.access_add' }, schema: { tags, params: IdParams, body: AddClueAccess, response: { 200: ClueAccessList } } }, async (req) =>
    addAccess(req.ctx, req.params.id, req.body),
  );
  app.delete('/:id/access/:entryId', { config: { permission: manage, audit: 'clue.access_remove' }, schema: { tags, params: ClueAccessParams, response: { 200: ClueAccessList } } }, async (req) =>
    removeAccess(req.ctx, req.params.id, req.params.entryId),
  );

  app.post(
    '/:id/identity-requests',
    { config: { permission: manage, audit: 'clue.identity_request' }, schema: { tags, params: IdParams, body: RequestClueIdentity, response: { 201: ClueIdentityRequest } } },
    async (req, reply) => reply.code(201).send(await requestIdentity(req.ctx, req.params.id, req.body)),
  );
  app.post('/:id/identity', { config: { permission: manage, audit: 'clue.identity_view' }, schema: { tags, params: IdParams, body: ViewClueIdentity, response: { 200: ClueReporterIdentity } } }, async (req) =>
    viewIdentity(req.ctx, req.params.id, req.body.purpose),
  );

  for (const format of ['docx', 'xlsx'] as const) {
    app.get(`/:id/referral.${format}`, { config: { permission: manage }, schema: { tags, params: IdParams, querystring: ReferralQuery } }, async (req, reply) => {
      const buf = await referralPacket(req.ctx, req.params.id, format, req.query.recipient, pickLocale(req.query.lang));
      return sendDownload(reply, buf, `referral.${format}`, format === 'docx' ? DOCX_MIME : XLSX_MIME);
    });
  }
};

/** /api/clue-identity-requests: the custodian's queue (register number, requester, reason; never content). */
export const clueIdentityRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const custody = 'clue:custody' as const;
  app.get('/', { config: { permission: custody }, schema: { tags, querystring: ClueIdentityRequestQuery, response: { 200: ClueIdentityRequestPage } } }, async (req) =>
    listIdentityRequests(req.ctx, req.query),
  );
  app.post(
    '/:id/decision',
    { config: { permission: custody, audit: 'clue.identity_decide' }, schema: { tags, params: IdParams, body: DecideClueIdentity, response: { 200: ClueIdentityRequest } } },
    async (req) => decideIdentityRequest(req.ctx, req.params.id, req.body),
  );
};

/** POST /api/complaints/:id/clue, beside the complaint routes. */
export const complaintClueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:id/clue',
    { config: { permission: 'complaint:supervise', audit: 'clue.from_complaint' }, schema: { tags, params: IdParams, body: ComplaintToClue, response: { 201: Clue } } },
    async (req, reply) => reply.code(201).send(await complaintToClue(req.ctx, req.params.id, req.body)),
  );
};
