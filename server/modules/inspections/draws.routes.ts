import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { DeclareDraw, DrawList, DrawQuery, DrawVerification, ExecuteDraw, RandomDraw, VerifyDraw } from '../../../contracts/inspections.js';
import * as svc from './draws.service.js';

const tags = ['inspections'];

/** Draws are public to every inspection reader: a draw only earns trust when anyone can check it. */
export const drawRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'inspection:read' }, schema: { tags, querystring: DrawQuery, response: { 200: DrawList } } }, async (req) => ({
    items: await svc.listDraws(req.ctx, req.query.planId),
  }));

  app.get('/:id', { config: { permission: 'inspection:read' }, schema: { tags, params: IdParams, response: { 200: RandomDraw } } }, async (req) => svc.getDraw(req.ctx, req.params.id));

  app.post(
    '/',
    { config: { permission: 'draw:manage', audit: 'draw.declare', idempotent: true }, schema: { tags, body: DeclareDraw, response: { 201: RandomDraw } } },
    async (req, reply) => reply.code(201).send(await svc.declareDraw(req.ctx, req.body)),
  );

  app.post(
    '/verify',
    { config: { permission: 'inspection:read', audit: 'draw.verify' }, schema: { tags, body: VerifyDraw, response: { 200: DrawVerification } } },
    async (req) => svc.verifyDraw(req.ctx, req.body),
  );

  app.post(
    '/:id/draw',
    { config: { permission: 'draw:manage', audit: 'draw.execute' }, schema: { tags, params: IdParams, body: ExecuteDraw, response: { 200: RandomDraw } } },
    async (req) => svc.executeDraw(req.ctx, req.params.id, req.body),
  );
};
