import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../../contracts/common.js';
import { ClueStepList, ClueStepParams, ClueStepSignature, ClueStepVerification } from '../../../../contracts/clues.js';
import * as svc from './steps.service.js';

const tags = ['clues'];

/** The signed step log of a clue, under /api/clues beside the clue routes. */
export const clueStepRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/:id/steps', { config: { permission: 'clue:read' }, schema: { tags, params: IdParams, response: { 200: ClueStepList } } }, async (req) => ({
    items: await svc.listClueSteps(req.ctx, req.params.id),
  }));

  app.get('/:id/steps/verify', { config: { permission: 'clue:read' }, schema: { tags, params: IdParams, response: { 200: ClueStepVerification } } }, async (req) =>
    svc.verifyStepsOf(req.ctx, req.params.id),
  );

  app.get(
    '/:id/steps/:seq/signature',
    { config: { permission: 'clue:read' }, schema: { tags, params: ClueStepParams, response: { 200: ClueStepSignature } } },
    async (req) => svc.stepSignature(req.ctx, req.params.id, req.params.seq),
  );
};
