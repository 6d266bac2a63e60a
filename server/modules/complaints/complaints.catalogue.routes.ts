import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { Catalogue, ComplaintCategory, ComplaintMatter, SaveCategory, SaveMatter, UpdateCategory, UpdateMatter } from '../../../contracts/complaints.js';
import { registerTenantSeed } from '../../platform/tenancy/tenant-seeds.js';
import * as svc from './complaints.catalogue.js';
import { seedComplaintCatalogue } from './complaints.catalogue-seed.js';

registerTenantSeed(seedComplaintCatalogue);

const tags = ['complaints'];

/** 监督事项清单: read by everyone who handles complaints, edited with complaint:catalogue. */
export const complaintCatalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const edit = 'complaint:catalogue' as const;
  app.get('/', { config: { permission: 'complaint:read' }, schema: { tags, response: { 200: Catalogue } } }, async (req) => svc.getCatalogue(req.ctx));
  app.post(
    '/categories',
    { config: { permission: edit, audit: 'complaint.category_create', idempotent: true }, schema: { tags, body: SaveCategory, response: { 201: ComplaintCategory } } },
    async (req, reply) => reply.code(201).send(await svc.createCategory(req.ctx, req.body)),
  );
  app.patch(
    '/categories/:id',
    { config: { permission: edit, audit: 'complaint.category_update' }, schema: { tags, params: IdParams, body: UpdateCategory, response: { 200: ComplaintCategory } } },
    async (req) => svc.updateCategory(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/matters',
    { config: { permission: edit, audit: 'complaint.matter_create', idempotent: true }, schema: { tags, body: SaveMatter, response: { 201: ComplaintMatter } } },
    async (req, reply) => reply.code(201).send(await svc.createMatter(req.ctx, req.body)),
  );
  app.patch(
    '/matters/:id',
    { config: { permission: edit, audit: 'complaint.matter_update' }, schema: { tags, params: IdParams, body: UpdateMatter, response: { 200: ComplaintMatter } } },
    async (req) => svc.updateMatter(req.ctx, req.params.id, req.body),
  );
};
