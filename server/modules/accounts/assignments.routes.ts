import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Assignment, AssignmentPage, AssignmentQuery, CreateAssignment } from '../../../contracts/accounts.js';
import { IdParams, Ok } from '../../../contracts/common.js';
import * as svc from './assignments.service.js';

const tags = ['assignments'];

export const assignmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'role:read' }, schema: { tags, querystring: AssignmentQuery, response: { 200: AssignmentPage } } }, async (req) =>
    svc.listAssignments(req.ctx, req.query),
  );
  app.post(
    '/',
    { config: { permission: 'assignment:manage', audit: 'assignment.create', idempotent: true }, schema: { tags, body: CreateAssignment, response: { 201: Assignment } } },
    async (req, reply) => reply.code(201).send(await svc.assignRole(req.ctx, req.body)),
  );
  app.delete('/:id', { config: { permission: 'assignment:manage', audit: 'assignment.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.revokeAssignment(req.ctx, req.params.id);
    return { ok: true as const };
  });
};
