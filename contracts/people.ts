import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, ImportReport, PageQuery, Paged, Plain, Text, Timestamp } from './common.js';

export const Gender = Type.Enum(['male', 'female'] as const);

/** List and detail views carry ID number and mobile masked only (e.g. 4201**********1234, 138****8000). */
export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  gender: Gender,
  birthDate: Type.Union([DateOnly, Type.Null()]),
  politicalStatus: Type.String(),
  partyJoinDate: Type.Union([DateOnly, Type.Null()]),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  mobileMasked: Type.Union([Type.String(), Type.Null()]),
  primaryOrgId: Id,
  primaryOrgName: Type.String(),
  status: Type.Enum(['active', 'left'] as const),
  updatedAt: Timestamp,
});
export type Person = Static<typeof Person>;

export const PersonDetail = Type.Object({
  ...Person.properties,
  orgs: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  posts: Type.Array(Type.Object({ id: Id, name: Type.String(), orgId: Id, orgName: Type.String() })),
  leaderTitle: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Id, Type.Null()]),
});
export type PersonDetail = Static<typeof PersonDetail>;

const PersonFilter = {
  q: PageQuery.q,
  /** People in this org or below it. */
  orgId: Type.Optional(Id),
  politicalStatus: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
  gender: Type.Optional(Gender),
  status: Type.Optional(Type.Enum(['active', 'left'] as const)),
  /** Exact match on the full mobile number through its blind index. */
  mobile: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
};

export const PersonQuery = Type.Object({ ...PageQuery, ...PersonFilter }, { additionalProperties: false });
export type PersonQuery = Static<typeof PersonQuery>;
export const PersonPage = Paged(Person);

const Lang = Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]));
/** Workbooks (exports, the import template) carry headers in the caller's language. */
export const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
export const PersonExportQuery = Type.Object({ ...PersonFilter, lang: Lang }, { additionalProperties: false });
export type PersonExportQuery = Static<typeof PersonExportQuery>;

/**
 * A roster import refused as a whole answers 422 with the row report; a file that is no workbook at all
 * (ARCHIVE_REJECTED, IMPORT_INVALID) answers 422 with the usual error envelope.
 */
export const PersonImportRejected = Type.Union([
  ImportReport,
  Type.Object({
    error: Type.Object({
      code: Type.String(),
      params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
      requestId: Type.Optional(Type.String()),
    }),
  }),
]);

const IdNumber = Type.String({ pattern: '^[1-9][0-9]{16}[0-9X]$' });
const Mobile = Type.String({ pattern: '^1[3-9][0-9]{9}$' });

export const CreatePerson = Body({
  name: Plain({ maxLength: 30 }),
  gender: Gender,
  birthDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  politicalStatus: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  partyJoinDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  idNumber: Type.Optional(Type.Union([IdNumber, Type.Null()])),
  mobile: Type.Optional(Type.Union([Mobile, Type.Null()])),
  primaryOrgId: Id,
  /** Further memberships (e.g. the party branch beside the administrative unit). */
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
});
export type CreatePerson = Static<typeof CreatePerson>;

export const UpdatePerson = Body({
  name: Type.Optional(Plain({ maxLength: 30 })),
  gender: Type.Optional(Gender),
  birthDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  politicalStatus: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
  partyJoinDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  idNumber: Type.Optional(Type.Union([IdNumber, Type.Null()])),
  mobile: Type.Optional(Type.Union([Mobile, Type.Null()])),
  primaryOrgId: Type.Optional(Id),
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
  status: Type.Optional(Type.Enum(['active', 'left'] as const)),
});
export type UpdatePerson = Static<typeof UpdatePerson>;

/** Unmasked values: needs `person:reveal`, a stated reason, and is audited. */
export const RevealPerson = Body({ reason: Plain({ minLength: 2, maxLength: 100 }) });
export const PersonSensitive = Type.Object({ idNumber: Type.Union([Type.String(), Type.Null()]), mobile: Type.Union([Type.String(), Type.Null()]) });

export const Post = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  description: Type.String(),
  sort: Type.Integer(),
  holders: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  updatedAt: Timestamp,
});
export type Post = Static<typeof Post>;

export const PostQuery = Type.Object({ ...PageQuery, orgId: Type.Optional(Id) }, { additionalProperties: false });
export type PostQuery = Static<typeof PostQuery>;
export const PostExportQuery = Type.Object({ q: PageQuery.q, orgId: Type.Optional(Id), lang: Lang }, { additionalProperties: false });
export type PostExportQuery = Static<typeof PostExportQuery>;
export const PostPage = Paged(Post);

export const CreatePost = Body({
  orgId: Id,
  name: Plain({ maxLength: 40 }),
  description: Type.Optional(Text({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  holderIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type CreatePost = Static<typeof CreatePost>;

export const UpdatePost = Body({
  name: Type.Optional(Plain({ maxLength: 40 })),
  description: Type.Optional(Text({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  holderIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type UpdatePost = Static<typeof UpdatePost>;

/** 班子成员 and the orgs each oversees (分管). */
export const Leader = Type.Object({
  id: Id,
  personId: Id,
  personName: Type.String(),
  title: Type.String(),
  sort: Type.Integer(),
  oversees: Type.Array(Type.Object({ id: Id, name: Type.String() })),
});
export type Leader = Static<typeof Leader>;
export const LeaderList = Type.Object({ items: Type.Array(Leader) });

export const CreateLeader = Body({
  personId: Id,
  title: Plain({ maxLength: 30 }),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  overseesOrgIds: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
});
export type CreateLeader = Static<typeof CreateLeader>;

export const UpdateLeader = Body({
  title: Type.Optional(Plain({ maxLength: 30 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  overseesOrgIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type UpdateLeader = Static<typeof UpdateLeader>;
