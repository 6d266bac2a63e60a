import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common.js';
import { CreatePost, Post, PostExportQuery, PostPage, PostQuery, UpdatePost } from '../../../contracts/people.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { sendDownload } from '../../platform/http/download.js';
import { pickLocale } from '../../platform/i18n/i18n.js';
import * as svc from './posts.service.js';

const tags = ['posts'];

export const postsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'org:read' }, schema: { tags, querystring: PostQuery, response: { 200: PostPage } } }, async (req) =>
    svc.listPosts(req.ctx, req.query),
  );

  app.get('/export.xlsx', { config: { permission: 'org:read' }, schema: { tags, querystring: PostExportQuery } }, async (req, reply) =>
    sendDownload(reply, await svc.exportPosts(req.ctx, req.query, pickLocale(req.query.lang)), 'posts.xlsx', XLSX_MIME),
  );

  app.post(
    '/',
    { config: { permission: 'post:manage', audit: 'post.create', idempotent: true }, schema: { tags, body: CreatePost, response: { 201: Post } } },
    async (req, reply) => reply.code(201).send(await svc.createPost(req.ctx, req.body)),
  );

  app.patch(
    '/:id',
    { config: { permission: 'post:manage', audit: 'post.update' }, schema: { tags, params: IdParams, body: UpdatePost, response: { 200: Post } } },
    async (req) => svc.updatePost(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/:id',
    { config: { permission: 'post:manage', audit: 'post.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deletePost(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
