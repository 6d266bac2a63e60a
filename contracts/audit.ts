import { Type, type Static } from 'typebox';
import { Id, PageQuery, Paged, Timestamp } from './common.js';

export const AuditRecord = Type.Object({
  seq: Type.Integer(),
  at: Timestamp,
  actorKind: Type.Enum(['user', 'public', 'system'] as const),
  actorId: Type.Union([Id, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  result: Type.Enum(['success', 'failure'] as const),
  requestId: Type.Union([Type.String(), Type.Null()]),
  sourceIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.String(),
  hash: Type.String(),
});
export type AuditRecord = Static<typeof AuditRecord>;

const Action = Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$', maxLength: 64 });

const AuditFilters = {
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  actorId: Type.Optional(Id),
  action: Type.Optional(Action),
  objectType: Type.Optional(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 })),
  objectId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' })),
  result: Type.Optional(Type.Enum(['success', 'failure'] as const)),
};

export const AuditQuery = Type.Object({ page: PageQuery.page, pageSize: PageQuery.pageSize, ...AuditFilters }, { additionalProperties: false });
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Paged(AuditRecord);

/** The same filters as the list, without paging: the export holds every matching record. */
export const AuditExportQuery = Type.Object(
  { ...AuditFilters, lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) },
  { additionalProperties: false },
);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** Verification takes no input; the body is closed so that anything sent is refused rather than ignored. */
export const VerifyAuditRequest = Type.Object({}, { additionalProperties: false });

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  records: Type.Integer(),
  checkpoints: Type.Integer(),
  brokenAt: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
