import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import { Attachment } from '../../../contracts/system.js';
import { sendDownload } from '../http/download.js';
import { DRAFT } from './attachment-owners.js';
import * as svc from './attachments.service.js';
import { readUpload } from './read-upload.js';

const tags = ['attachments'];

/** Uploads become the uploader's drafts; a module's use case later claims them for its record. */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    { config: { audit: 'attachment.upload', idempotent: true }, schema: { tags, consumes: ['multipart/form-data'], response: { 201: Attachment } } },
    async (req, reply) => {
      const file = await readUpload(req, await svc.uploadLimitBytes(req.ctx));
      return reply.code(201).send(await svc.storeAttachment(req.ctx, { ...file, ownerType: DRAFT, ownerId: null }));
    },
  );

  app.get('/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const { attachment, body } = await svc.openAttachment(req.ctx, req.params.id);
    return sendDownload(reply.header('content-length', attachment.size), body, attachment.name, attachment.mime);
  });

  app.delete('/:id', { config: { audit: 'attachment.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.discardDraft(req.ctx, req.params.id);
    return { ok: true as const };
  });
};
