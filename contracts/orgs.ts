import { Type, type Static } from 'typebox';
import { Body, Id, Plain, Timestamp } from './common.js';

export const orgKinds = ['party_general_branch', 'party_branch', 'party_group', 'bureau', 'subordinate_unit', 'section'] as const;
export const OrgKind = Type.Enum(orgKinds);
export type OrgKind = (typeof orgKinds)[number];

export const Org = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  kind: OrgKind,
  name: Type.String(),
  shortName: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  sort: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  updatedAt: Timestamp,
});
export type Org = Static<typeof Org>;

export const OrgList = Type.Object({ items: Type.Array(Org) });

export const CreateOrg = Body({
  parentId: Type.Union([Id, Type.Null()]),
  kind: OrgKind,
  name: Plain({ maxLength: 60 }),
  shortName: Type.Optional(Plain({ maxLength: 30 })),
  code: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), Type.Null()])),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type CreateOrg = Static<typeof CreateOrg>;

export const UpdateOrg = Body({
  kind: Type.Optional(OrgKind),
  name: Type.Optional(Plain({ maxLength: 60 })),
  shortName: Type.Optional(Plain({ maxLength: 30 })),
  code: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), Type.Null()])),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
});
export type UpdateOrg = Static<typeof UpdateOrg>;

/** Drag-to-move: the new parent and the position among its children. */
export const MoveOrg = Body({
  parentId: Id,
  sort: Type.Integer({ minimum: 0, maximum: 100000 }),
});
export type MoveOrg = Static<typeof MoveOrg>;
