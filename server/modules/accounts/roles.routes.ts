import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateRole, PermissionList, Role, RoleList, UpdateRole } from '../../../contracts/accounts.js';
import { IdParams, Ok } from '../../../contracts/common.js';
import { allPermissions, Permissions } from '../../../contracts/permissions.js';
import * as svc from './roles.service.js';

const tags = ['roles'];

export const permissionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'role:read' }, schema: { tags, response: { 200: PermissionList } } }, async () => ({
    items: allPermissions.map((code) => ({ code, kind: Permissions[code] })),
  }));
};

export const rolesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { permission: 'role:read' }, schema: { tags, response: { 200: RoleList } } }, async (req) => ({ items: await svc.listRoles(req.ctx) }));
  app.post(
    '/',
    { config: { permission: 'role:manage', audit: 'role.create', idempotent: true }, schema: { tags, body: CreateRole, response: { 201: Role } } },
    async (req, reply) => reply.code(201).send(await svc.createRole(req.ctx, req.body)),
  );
  app.patch(
    '/:id',
    { config: { permission: 'role:manage', audit: 'role.update' }, schema: { tags, params: IdParams, body: UpdateRole, response: { 200: Role } } },
    async (req) => svc.updateRole(req.ctx, req.params.id, req.body),
  );
  app.delete('/:id', { config: { permission: 'role:manage', audit: 'role.delete' }, schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.deleteRole(req.ctx, req.params.id);
    return { ok: true as const };
  });
};
