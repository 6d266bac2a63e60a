import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, PageQuery, Paged, Plain, Text, Timestamp } from './common.js';
import { SlaColourSchema } from './rectification.js';

/** 监督事项清单: categories (大类) and the matters (事项) the public can complain about. */
export const ComplaintMatter = Type.Object({
  id: Id,
  categoryId: Id,
  name: Type.String(),
  description: Type.String(),
  responsibleOrg: Type.Object({ id: Id, name: Type.String() }),
  /** Working days: 分办 within, answered within (from 交办), and the total for 办结. Null = the tenant default. */
  assignDays: Type.Union([Type.Integer(), Type.Null()]),
  answerDays: Type.Union([Type.Integer(), Type.Null()]),
  enabled: Type.Boolean(),
  sort: Type.Integer(),
});
export type ComplaintMatter = Static<typeof ComplaintMatter>;

export const ComplaintCategory = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  enabled: Type.Boolean(),
  sort: Type.Integer(),
  matters: Type.Array(ComplaintMatter),
});
export type ComplaintCategory = Static<typeof ComplaintCategory>;
export const Catalogue = Type.Object({ items: Type.Array(ComplaintCategory) });

export const SaveCategory = Body({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
  name: Plain({ maxLength: 30 }),
  nameEn: Plain({ maxLength: 60 }),
  description: Type.Optional(Text({ maxLength: 500 })),
  enabled: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export const UpdateCategory = Body({
  name: Type.Optional(Plain({ maxLength: 30 })),
  nameEn: Type.Optional(Plain({ maxLength: 60 })),
  description: Type.Optional(Text({ maxLength: 500 })),
  enabled: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export const SaveMatter = Body({
  categoryId: Id,
  name: Plain({ maxLength: 60 }),
  description: Type.Optional(Text({ maxLength: 1000 })),
  responsibleOrgId: Id,
  assignDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 60 }), Type.Null()])),
  answerDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 180 }), Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export const UpdateMatter = Body({
  name: Type.Optional(Plain({ maxLength: 60 })),
  description: Type.Optional(Text({ maxLength: 1000 })),
  responsibleOrgId: Type.Optional(Id),
  assignDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 60 }), Type.Null()])),
  answerDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 180 }), Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});

export const complaintChannels = ['portal', 'phone', 'letter', 'visit', 'referral'] as const;
export const ComplaintChannel = Type.Enum(complaintChannels);

/** 提交 → 分办 → 交办 → 办理中 → 已答复 → 已评价 → 办结; 不予受理 ends it early. */
export const complaintStatuses = ['submitted', 'assigned', 'dispatched', 'in_progress', 'answered', 'rated', 'closed', 'rejected'] as const;
export const ComplaintStatus = Type.Enum(complaintStatuses);
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const Rating = Type.Enum(['satisfied', 'basically_satisfied', 'dissatisfied'] as const);
export type Rating = Static<typeof Rating>;

const Mobile = Type.String({ pattern: '^1[3-9][0-9]{9}$' });
const ReporterName = Plain({ maxLength: 30 });

/** What the public sends from the portal (multipart field `data`, files in `files`). */
export const PortalComplaint = Body({
  matterId: Id,
  orgId: Id,
  content: Text({ minLength: 10, maxLength: 5000 }),
  happenedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  anonymous: Type.Boolean(),
  name: Type.Optional(ReporterName),
  mobile: Type.Optional(Mobile),
  /** altcha proof-of-work payload (base64 JSON). */
  captcha: Type.String({ minLength: 20, maxLength: 4000, pattern: '^[A-Za-z0-9+/=]+$' }),
});
export type PortalComplaint = Static<typeof PortalComplaint>;

/** Shown once; only its slow hash is stored. */
export const Receipt = Type.Object({ code: Type.String(), receiptCode: Type.String({ pattern: '^[0-9]{16,24}$' }), submittedAt: Timestamp });

/** Staff intake of a complaint received by phone, letter, visit or referral (上级转办). */
export const IntakeComplaint = Body({
  channel: Type.Enum(['phone', 'letter', 'visit', 'referral'] as const),
  matterId: Id,
  orgId: Id,
  content: Text({ minLength: 2, maxLength: 5000 }),
  happenedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  anonymous: Type.Boolean(),
  name: Type.Optional(ReporterName),
  mobile: Type.Optional(Mobile),
  referralSource: Type.Optional(Plain({ maxLength: 60 })),
  /** Link to an existing complaint about the same matter: both stay, each reporter keeps their own code. */
  duplicateOf: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type IntakeComplaint = Static<typeof IntakeComplaint>;

export const ReceiptLogin = Body({ receiptCode: Type.String({ pattern: '^[0-9 -]{16,40}$' }), captcha: Type.String({ minLength: 20, maxLength: 4000, pattern: '^[A-Za-z0-9+/=]+$' }) });
export const ReporterSession = Type.Object({ token: Type.String(), expiresAt: Timestamp });

const PublicMessage = Type.Object({ id: Id, from: Type.Enum(['reporter', 'handler'] as const), body: Type.String(), at: Timestamp });

/** What a reporter sees: stage, dates, the public answer and the exchange — no names, no internal notes. */
export const ReporterView = Type.Object({
  code: Type.String(),
  status: ComplaintStatus,
  categoryName: Type.String(),
  matterName: Type.String(),
  orgName: Type.String(),
  submittedAt: Timestamp,
  assignedAt: Type.Union([Timestamp, Type.Null()]),
  dispatchedAt: Type.Union([Timestamp, Type.Null()]),
  answeredAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  messages: Type.Array(PublicMessage),
  ratings: Type.Array(Type.Object({ round: Type.Integer(), rating: Rating, at: Timestamp })),
  canRate: Type.Boolean(),
  canMessage: Type.Boolean(),
});
export type ReporterView = Static<typeof ReporterView>;

export const ReporterMessage = Body({ body: Text({ minLength: 1, maxLength: 2000 }) });
export const ReporterRating = Body({ rating: Rating, comment: Type.Optional(Text({ maxLength: 1000 })) });

export const ComplaintSummary = Type.Object({
  id: Id,
  code: Type.String(),
  channel: ComplaintChannel,
  status: ComplaintStatus,
  category: Type.Object({ id: Id, name: Type.String() }),
  matter: Type.Object({ id: Id, name: Type.String() }),
  org: Type.Object({ id: Id, name: Type.String() }),
  responsibleOrg: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  anonymous: Type.Boolean(),
  excerpt: Type.String(),
  submittedAt: Timestamp,
  dueDate: Type.Union([DateOnly, Type.Null()]),
  sla: SlaColourSchema,
  extensions: Type.Integer(),
  redos: Type.Integer(),
  dissatisfied: Type.Integer(),
  caseId: Type.Union([Id, Type.Null()]),
});
export type ComplaintSummary = Static<typeof ComplaintSummary>;

export const ComplaintQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(ComplaintStatus),
    channel: Type.Optional(ComplaintChannel),
    categoryId: Type.Optional(Id),
    orgId: Type.Optional(Id),
    sla: Type.Optional(Type.Enum(['blue', 'yellow', 'red'] as const)),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type ComplaintQuery = Static<typeof ComplaintQuery>;
export const ComplaintPage = Paged(ComplaintSummary);

export const ComplaintEvent = Type.Object({
  id: Id,
  at: Timestamp,
  kind: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  visibility: Type.Enum(['public', 'internal'] as const),
});

export const Complaint = Type.Object({
  ...ComplaintSummary.properties,
  content: Type.String(),
  happenedOn: Type.Union([DateOnly, Type.Null()]),
  referralSource: Type.String(),
  /** Named reporters only, masked; the full identity needs complaint:identity and a reason. */
  reporterMasked: Type.Union([Type.Object({ name: Type.String(), mobile: Type.String() }), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  messages: Type.Array(Type.Object({ id: Id, from: Type.Enum(['reporter', 'handler'] as const), body: Type.String(), at: Timestamp, authorName: Type.Union([Type.String(), Type.Null()]) })),
  notes: Type.Array(Type.Object({ id: Id, body: Type.String(), at: Timestamp, authorName: Type.Union([Type.String(), Type.Null()]) })),
  ratings: Type.Array(Type.Object({ round: Type.Integer(), rating: Rating, comment: Type.String(), at: Timestamp })),
  extensionList: Type.Array(Type.Object({ id: Id, days: Type.Integer(), reason: Type.String(), status: Type.Enum(['requested', 'approved', 'rejected'] as const), requestedAt: Timestamp, decidedAt: Type.Union([Timestamp, Type.Null()]) })),
  attachments: Type.Array(Type.Object({ id: Id, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
  linked: Type.Array(Type.Object({ id: Id, code: Type.String(), status: ComplaintStatus })),
  rectifications: Type.Array(Type.Object({ id: Id, code: Type.String(), status: Type.String(), dueDate: DateOnly, overdue: Type.Boolean() })),
  timeline: Type.Array(ComplaintEvent),
  actions: Type.Array(Type.String()),
});
export type Complaint = Static<typeof Complaint>;

export const AssignComplaint = Body({ responsibleOrgId: Id, namedPersonIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })), note: Type.Optional(Text({ maxLength: 1000 })) });
export const DispatchComplaint = Body({ note: Type.Optional(Text({ maxLength: 1000 })) });
export const AnswerComplaint = Body({ answer: Text({ minLength: 2, maxLength: 5000 }) });
export const RejectComplaint = Body({ reason: Text({ minLength: 2, maxLength: 1000 }) });
export const InternalNote = Body({ body: Text({ minLength: 1, maxLength: 3000 }) });
export const HandlerMessage = Body({ body: Text({ minLength: 1, maxLength: 2000 }) });
export const ComplaintExtension = Body({ days: Type.Integer({ minimum: 1, maximum: 60 }), reason: Text({ minLength: 2, maxLength: 1000 }) });
export const DecideComplaintExtension = Body({ approve: Type.Boolean(), note: Type.Optional(Text({ maxLength: 1000 })) });
export const ComplaintExtensionParams = Type.Object({ id: Id, extensionId: Id }, { additionalProperties: false });
export const RevealIdentity = Body({ reason: Plain({ minLength: 2, maxLength: 100 }) });
export const ReporterIdentity = Type.Object({ name: Type.Union([Type.String(), Type.Null()]), mobile: Type.Union([Type.String(), Type.Null()]) });
export const LinkComplaint = Body({ otherId: Id });
export const ComplaintToRectification = Body({
  title: Plain({ maxLength: 100 }),
  ownerId: Id,
  leaderId: Type.Optional(Type.Union([Id, Type.Null()])),
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  measure: Text({ minLength: 1, maxLength: 1000 }),
});

/** Staff statistics: 按期办结率, 回复率, 满意率 per org and month. */
export const ComplaintStatsRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  total: Type.Integer(),
  answered: Type.Integer(),
  closedOnTime: Type.Integer(),
  closed: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  replyRate: Type.Number(),
  onTimeRate: Type.Number(),
  satisfactionRate: Type.Number(),
});
export const ComplaintStatsQuery = Type.Object(
  { by: Type.Enum(['org', 'category', 'channel', 'status', 'month'] as const), from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export const ComplaintStats = Type.Object({ by: Type.String(), rows: Type.Array(ComplaintStatsRow), totals: ComplaintStatsRow });

/** Public statistics: counts and rates per org or category; a cell with fewer than 5 complaints is suppressed. */
export const PublicStatsRow = Type.Object({
  label: Type.String(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  replyRate: Type.Union([Type.Number(), Type.Null()]),
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  suppressed: Type.Boolean(),
});
export const PublicStats = Type.Object({ byOrg: Type.Array(PublicStatsRow), byCategory: Type.Array(PublicStatsRow), minimumCell: Type.Integer() });

export const PortalCatalogue = Type.Object({
  categories: Type.Array(Type.Object({ id: Id, name: Type.String(), nameEn: Type.String(), description: Type.String(), matters: Type.Array(Type.Object({ id: Id, name: Type.String(), description: Type.String(), orgId: Id })) })),
  orgs: Type.Array(Type.Object({ id: Id, name: Type.String(), parentId: Type.Union([Id, Type.Null()]) })),
  /** system.uploads.maxMegabytes: the largest evidence file the intake accepts, so the form can say so before upload. */
  maxUploadMegabytes: Type.Integer(),
});
export const CaptchaChallenge = Type.Object({ algorithm: Type.String(), challenge: Type.String(), salt: Type.String(), signature: Type.String(), maxnumber: Type.Optional(Type.Integer()) });
