import { Type, type Static } from 'typebox';
import { Body, Id, PageQuery, Paged, Plain, Timestamp } from './common.js';
import { Permission, RoleKindSchema, ScopeKindSchema } from './permissions-schema.js';

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Id, Type.Null()]),
  personName: Type.Union([Type.String(), Type.Null()]),
  kind: RoleKindSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  mfaEnrolled: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  roles: Type.Array(Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() })),
});
export type User = Static<typeof User>;

export const UserQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(RoleKindSchema),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);
export type UserQuery = Static<typeof UserQuery>;
export const UserPage = Paged(User);

/** A new account gets a one-time initial password that must be changed at first login. */
export const CreateUser = Body({
  username: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$' }),
  displayName: Plain({ maxLength: 40 }),
  personId: Type.Optional(Type.Union([Id, Type.Null()])),
  kind: RoleKindSchema,
});
export type CreateUser = Static<typeof CreateUser>;

export const UpdateUser = Body({
  displayName: Type.Optional(Plain({ maxLength: 40 })),
  personId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type UpdateUser = Static<typeof UpdateUser>;

export const InitialPassword = Type.Object({ user: User, initialPassword: Type.String() });

export const Role = Type.Object({
  id: Id,
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: RoleKindSchema,
  builtin: Type.Boolean(),
  description: Type.String(),
  permissions: Type.Array(Permission),
  assignments: Type.Integer(),
});
export type Role = Static<typeof Role>;
export const RoleList = Type.Object({ items: Type.Array(Role) });

export const CreateRole = Body({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
  nameZh: Plain({ maxLength: 30 }),
  nameEn: Plain({ maxLength: 60 }),
  description: Type.Optional(Plain({ maxLength: 200 })),
  permissions: Type.Array(Permission, { maxItems: 200, uniqueItems: true }),
});
export type CreateRole = Static<typeof CreateRole>;

export const UpdateRole = Body({
  nameZh: Type.Optional(Plain({ maxLength: 30 })),
  nameEn: Type.Optional(Plain({ maxLength: 60 })),
  description: Type.Optional(Plain({ maxLength: 200 })),
  permissions: Type.Optional(Type.Array(Permission, { maxItems: 200, uniqueItems: true })),
});
export type UpdateRole = Static<typeof UpdateRole>;

export const PermissionInfo = Type.Object({ code: Permission, kind: Type.String() });
export const PermissionList = Type.Object({ items: Type.Array(PermissionInfo) });

export const Assignment = Type.Object({
  id: Id,
  userId: Id,
  username: Type.String(),
  displayName: Type.String(),
  roleId: Id,
  roleCode: Type.String(),
  roleNameZh: Type.String(),
  roleNameEn: Type.String(),
  scopeKind: ScopeKindSchema,
  scopeOrgId: Type.Union([Id, Type.Null()]),
  scopeOrgName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type Assignment = Static<typeof Assignment>;

export const AssignmentQuery = Type.Object(
  { ...PageQuery, userId: Type.Optional(Id), roleId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type AssignmentQuery = Static<typeof AssignmentQuery>;
export const AssignmentPage = Paged(Assignment);

export const CreateAssignment = Body({
  userId: Id,
  roleId: Id,
  scopeKind: ScopeKindSchema,
  scopeOrgId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateAssignment = Static<typeof CreateAssignment>;
