import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, PageQuery, Paged, Plain, Text, Timestamp } from './common.js';

/** Where a problem came from; every supervision source feeds the same object. */
export const rectificationSources = ['complaint', 'clue_outcome', 'inspection_finding', 'risk_review', 'life_meeting', 'patrol_audit', 'manual'] as const;
export const RectificationSource = Type.Enum(rectificationSources);
export type RectificationSource = (typeof rectificationSources)[number];

/** 待整改 → 整改中 → 待验证 → 已销号; 重新打开 (回头看) returns a closed item to 整改中. */
export const rectificationStatuses = ['pending', 'in_progress', 'awaiting_verification', 'closed'] as const;
export const RectificationStatus = Type.Enum(rectificationStatuses);
export type RectificationStatus = (typeof rectificationStatuses)[number];

export const SlaColourSchema = Type.Union([Type.Enum(['blue', 'yellow', 'red'] as const), Type.Null()]);

const PersonRef = Type.Object({ id: Id, name: Type.String() });
const NullablePersonRef = Type.Union([PersonRef, Type.Null()]);

export const Measure = Type.Object({
  id: Id,
  seq: Type.Integer(),
  description: Type.String(),
  owner: PersonRef,
  dueDate: DateOnly,
  status: Type.Enum(['open', 'done'] as const),
  doneAt: Type.Union([Timestamp, Type.Null()]),
  note: Type.String(),
  evidence: Type.Array(Type.Object({ id: Id, attachmentId: Id, name: Type.String(), mime: Type.String(), size: Type.Integer(), note: Type.String(), createdAt: Timestamp })),
});
export type Measure = Static<typeof Measure>;

export const RectificationSummary = Type.Object({
  id: Id,
  code: Type.String(),
  title: Type.String(),
  sourceType: RectificationSource,
  sourceId: Type.Union([Type.String(), Type.Null()]),
  sourceLabel: Type.String(),
  org: Type.Object({ id: Id, name: Type.String() }),
  leader: NullablePersonRef,
  owner: PersonRef,
  status: RectificationStatus,
  dueDate: DateOnly,
  overdue: Type.Boolean(),
  sla: SlaColourSchema,
  extensions: Type.Integer(),
  reopens: Type.Integer(),
  measuresDone: Type.Integer(),
  measuresTotal: Type.Integer(),
  createdAt: Timestamp,
  closedAt: Type.Union([Timestamp, Type.Null()]),
});
export type RectificationSummary = Static<typeof RectificationSummary>;

export const RectificationEvent = Type.Object({
  id: Id,
  at: Timestamp,
  kind: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
});

export const Extension = Type.Object({
  id: Id,
  days: Type.Integer(),
  reason: Type.String(),
  status: Type.Enum(['requested', 'approved', 'rejected'] as const),
  requestedBy: Type.Union([Type.String(), Type.Null()]),
  /** Whether the caller made this request (nobody decides their own). */
  mine: Type.Boolean(),
  requestedAt: Timestamp,
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  decisionNote: Type.String(),
});

export const Rectification = Type.Object({
  ...RectificationSummary.properties,
  problem: Type.String(),
  rootCause: Type.String(),
  deadline: Type.Object({ start: DateOnly, days: Type.Integer(), unit: Type.Enum(['working', 'calendar'] as const) }),
  measures: Type.Array(Measure),
  extensionList: Type.Array(Extension),
  timeline: Type.Array(RectificationEvent),
  /** What the caller may do now: the page shows exactly these actions. */
  actions: Type.Array(Type.String()),
});
export type Rectification = Static<typeof Rectification>;

export const RectificationQuery = Type.Object(
  {
    ...PageQuery,
    sourceType: Type.Optional(RectificationSource),
    orgId: Type.Optional(Id),
    leaderId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    status: Type.Optional(RectificationStatus),
    overdue: Type.Optional(Type.Boolean()),
    sourceId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
  },
  { additionalProperties: false },
);
export type RectificationQuery = Static<typeof RectificationQuery>;
export const RectificationPage = Paged(RectificationSummary);

const NewMeasure = Type.Object(
  {
    description: Text({ minLength: 1, maxLength: 1000 }),
    ownerId: Id,
    /** Due date of the measure; absent means the item's due date. */
    dueDate: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);

export const CreateRectification = Body({
  sourceType: RectificationSource,
  sourceId: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Null()])),
  sourceLabel: Type.Optional(Plain({ maxLength: 60 })),
  title: Plain({ maxLength: 100 }),
  problem: Text({ minLength: 1, maxLength: 5000 }),
  rootCause: Type.Optional(Text({ maxLength: 3000 })),
  orgId: Id,
  leaderId: Type.Optional(Type.Union([Id, Type.Null()])),
  ownerId: Id,
  /** Deadline counted from today in working days (default) or calendar days. */
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  unit: Type.Optional(Type.Enum(['working', 'calendar'] as const)),
  measures: Type.Array(NewMeasure, { minItems: 1, maxItems: 30 }),
});
export type CreateRectification = Static<typeof CreateRectification>;

export const UpdateRectification = Body({
  title: Type.Optional(Plain({ maxLength: 100 })),
  problem: Type.Optional(Text({ minLength: 1, maxLength: 5000 })),
  rootCause: Type.Optional(Text({ maxLength: 3000 })),
  leaderId: Type.Optional(Type.Union([Id, Type.Null()])),
  ownerId: Type.Optional(Id),
});
export type UpdateRectification = Static<typeof UpdateRectification>;

export const AddMeasure = Body({ description: Text({ minLength: 1, maxLength: 1000 }), ownerId: Id, dueDate: Type.Optional(DateOnly) });
export type AddMeasure = Static<typeof AddMeasure>;

export const MeasureParams = Type.Object({ id: Id, measureId: Id }, { additionalProperties: false });

/** The owner reports a measure done (with a note) or reopens it. */
export const UpdateMeasure = Body({ status: Type.Enum(['open', 'done'] as const), note: Type.Optional(Text({ maxLength: 1000 })) });

/** Evidence: drafts uploaded through POST /api/attachments, claimed by the measure. */
export const AddEvidence = Body({ attachmentIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }), note: Type.Optional(Plain({ maxLength: 200 })) });

export const Note = Body({ note: Type.Optional(Text({ maxLength: 1000 })) });
export const RequiredNote = Body({ note: Text({ minLength: 2, maxLength: 1000 }) });

export const RequestExtension = Body({ days: Type.Integer({ minimum: 1, maximum: 180 }), reason: Text({ minLength: 2, maxLength: 1000 }) });
export const DecideExtension = Body({ approve: Type.Boolean(), note: Type.Optional(Text({ maxLength: 1000 })) });
export const ExtensionParams = Type.Object({ id: Id, extensionId: Id }, { additionalProperties: false });

/** 回头看: a follow-up check found the problem back; the item returns to work with a new deadline. */
export const ReopenRectification = Body({ note: Text({ minLength: 2, maxLength: 1000 }), days: Type.Integer({ minimum: 1, maximum: 365 }) });

export const OrgSummaryRow = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  total: Type.Integer(),
  closed: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  /** 整改完成率: closed / total, 0–1. */
  completionRate: Type.Number(),
});
export const OrgSummary = Type.Object({ items: Type.Array(OrgSummaryRow), totals: OrgSummaryRow });

export const StatusBySource = Type.Object({
  items: Type.Array(Type.Object({ id: Id, code: Type.String(), status: RectificationStatus, dueDate: DateOnly, overdue: Type.Boolean() })),
});
