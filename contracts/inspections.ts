import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, PageQuery, Paged, Plain, Text, Timestamp } from './common.js';
import { RectificationStatus } from './rectification.js';

export const checklistCategories = ['eight_rules', 'three_major', 'three_public', 'custom'] as const;

export const ChecklistItem = Type.Object({ id: Id, seq: Type.Integer(), text: Type.String(), guidance: Type.String() });
export const Checklist = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  category: Type.Enum(checklistCategories),
  builtin: Type.Boolean(),
  enabled: Type.Boolean(),
  items: Type.Array(ChecklistItem),
  updatedAt: Timestamp,
});
export type Checklist = Static<typeof Checklist>;
export const ChecklistList = Type.Object({ items: Type.Array(Checklist) });

const ChecklistItemInput = Type.Object({ text: Text({ minLength: 1, maxLength: 500 }), guidance: Type.Optional(Text({ maxLength: 1000 })) }, { additionalProperties: false });

export const CreateChecklist = Body({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
  name: Plain({ maxLength: 60 }),
  category: Type.Enum(checklistCategories),
  items: Type.Array(ChecklistItemInput, { minItems: 1, maxItems: 100 }),
});
export type CreateChecklist = Static<typeof CreateChecklist>;

export const UpdateChecklist = Body({
  name: Type.Optional(Plain({ maxLength: 60 })),
  enabled: Type.Optional(Type.Boolean()),
  /** Replaces the items; results already recorded keep the text they were recorded against. */
  items: Type.Optional(Type.Array(ChecklistItemInput, { minItems: 1, maxItems: 100 })),
});
export type UpdateChecklist = Static<typeof UpdateChecklist>;

export const inspectionKinds = ['routine', 'random_check', 'unannounced_visit'] as const;
export const InspectionKind = Type.Enum(inspectionKinds);

export const PlanStatus = Type.Enum(['draft', 'active', 'completed'] as const);

const Ref = Type.Object({ id: Id, name: Type.String() });

export const InspectionPlan = Type.Object({
  id: Id,
  title: Type.String(),
  kind: InspectionKind,
  subject: Type.String(),
  checklist: Ref,
  periodStart: DateOnly,
  periodEnd: DateOnly,
  status: PlanStatus,
  targets: Type.Array(Ref),
  inspectors: Type.Array(Ref),
  drawId: Type.Union([Id, Type.Null()]),
  records: Type.Integer(),
  findings: Type.Integer(),
  createdAt: Timestamp,
});
export type InspectionPlan = Static<typeof InspectionPlan>;

export const PlanQuery = Type.Object(
  { ...PageQuery, kind: Type.Optional(InspectionKind), status: Type.Optional(PlanStatus), orgId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type PlanQuery = Static<typeof PlanQuery>;
export const PlanPage = Paged(InspectionPlan);

export const CreatePlan = Body({
  title: Plain({ maxLength: 100 }),
  kind: InspectionKind,
  subject: Text({ minLength: 1, maxLength: 1000 }),
  checklistId: Id,
  periodStart: DateOnly,
  periodEnd: DateOnly,
  /** Chosen by hand; a random draw fills these instead. */
  targetOrgIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  inspectorIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type CreatePlan = Static<typeof CreatePlan>;

export const UpdatePlan = Body({
  title: Type.Optional(Plain({ maxLength: 100 })),
  subject: Type.Optional(Text({ minLength: 1, maxLength: 1000 })),
  periodStart: Type.Optional(DateOnly),
  periodEnd: Type.Optional(DateOnly),
  status: Type.Optional(PlanStatus),
  targetOrgIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  inspectorIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
});
export type UpdatePlan = Static<typeof UpdatePlan>;

export const ResultValue = Type.Enum(['pass', 'fail', 'na'] as const);
export const RecordStatus = Type.Enum(['draft', 'submitted'] as const);

/** What the caller may do on a record now: the page shows exactly these actions. */
export const recordActions = ['record', 'add_finding', 'rectify'] as const;

export const RecordSummary = Type.Object({
  id: Id,
  planId: Id,
  org: Ref,
  inspectedOn: DateOnly,
  unannounced: Type.Boolean(),
  inspectors: Type.Array(Ref),
  status: RecordStatus,
  counts: Type.Object({ pass: Type.Integer(), fail: Type.Integer(), na: Type.Integer(), findings: Type.Integer() }),
  createdAt: Timestamp,
});
export type RecordSummary = Static<typeof RecordSummary>;

export const InspectionRecord = Type.Object({
  id: Id,
  planId: Id,
  planTitle: Type.String(),
  org: Ref,
  inspectedOn: DateOnly,
  unannounced: Type.Boolean(),
  inspectors: Type.Array(Ref),
  summary: Type.String(),
  status: RecordStatus,
  /** Draft: the checklist's current items (plus retired ones already answered); submitted: what was answered. */
  results: Type.Array(
    Type.Object({
      itemId: Id,
      seq: Type.Integer(),
      text: Type.String(),
      result: Type.Union([ResultValue, Type.Null()]),
      note: Type.String(),
      photos: Type.Array(Type.Object({ id: Id, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
    }),
  ),
  findings: Type.Array(
    Type.Object({
      id: Id,
      description: Type.String(),
      itemId: Type.Union([Id, Type.Null()]),
      rectificationId: Type.Union([Id, Type.Null()]),
      rectificationCode: Type.Union([Type.String(), Type.Null()]),
      /** Live state of the rectification item the finding became. */
      rectificationStatus: Type.Union([RectificationStatus, Type.Null()]),
      rectificationOverdue: Type.Boolean(),
      createdAt: Timestamp,
    }),
  ),
  actions: Type.Array(Type.Enum(recordActions)),
  createdAt: Timestamp,
});
export type InspectionRecord = Static<typeof InspectionRecord>;
export const RecordList = Type.Object({ items: Type.Array(RecordSummary) });

export const CreateRecord = Body({
  orgId: Id,
  inspectedOn: DateOnly,
  unannounced: Type.Optional(Type.Boolean()),
  inspectorIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
  summary: Type.Optional(Text({ maxLength: 3000 })),
});
export type CreateRecord = Static<typeof CreateRecord>;

export const SaveResults = Body({
  summary: Type.Optional(Text({ maxLength: 3000 })),
  results: Type.Array(
    Type.Object(
      {
        itemId: Id,
        result: ResultValue,
        note: Type.Optional(Text({ maxLength: 1000 })),
        /** Photo drafts (POST /api/attachments) claimed as evidence of this item. */
        photoIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
      },
      { additionalProperties: false },
    ),
    { maxItems: 100 },
  ),
  submit: Type.Optional(Type.Boolean()),
});
export type SaveResults = Static<typeof SaveResults>;

export const AddFinding = Body({ description: Text({ minLength: 2, maxLength: 2000 }), itemId: Type.Optional(Type.Union([Id, Type.Null()])) });
export type AddFinding = Static<typeof AddFinding>;
/** `id` is the record's. */
export const FindingParams = Type.Object({ id: Id, findingId: Id }, { additionalProperties: false });

/** One action turns a finding into a rectification item. */
export const FindingToRectification = Body({
  title: Plain({ maxLength: 100 }),
  ownerId: Id,
  leaderId: Type.Optional(Type.Union([Id, Type.Null()])),
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  measure: Text({ minLength: 1, maxLength: 1000 }),
});
export type FindingToRectification = Static<typeof FindingToRectification>;

/**
 * Verifiable random draw (双随机). Declared: the pool (with each target's excluded inspectors) and
 * SM3(seed) are published. Drawn: the seed is revealed and anyone can recompute the selection.
 */
export const DrawPool = Type.Object({
  orgs: Type.Array(Type.Object({ id: Id, name: Type.String({ maxLength: 200 }) }), { maxItems: 500 }),
  inspectors: Type.Array(Type.Object({ id: Id, name: Type.String({ maxLength: 200 }) }), { maxItems: 200 }),
  /** For each org id, inspectors who may not inspect it (own org or its chain). */
  excluded: Type.Record(Type.String({ maxLength: 36 }), Type.Array(Id, { maxItems: 200 }), { maxProperties: 500 }),
  targetCount: Type.Integer({ minimum: 1, maximum: 500 }),
  inspectorsPerTarget: Type.Integer({ minimum: 0, maximum: 10 }),
});
export type DrawPool = Static<typeof DrawPool>;

export const DrawSelection = Type.Array(Type.Object({ orgId: Id, inspectorIds: Type.Array(Id) }));
export type DrawSelection = Static<typeof DrawSelection>;

export const RandomDraw = Type.Object({
  id: Id,
  planId: Type.Union([Id, Type.Null()]),
  purpose: Type.String(),
  algorithm: Type.String(),
  pool: DrawPool,
  commitment: Type.String(),
  status: Type.Enum(['committed', 'drawn'] as const),
  committedAt: Timestamp,
  /** Revealed only after the draw. */
  seed: Type.Union([Type.String(), Type.Null()]),
  publicEntropy: Type.Union([Type.String(), Type.Null()]),
  selection: Type.Union([DrawSelection, Type.Null()]),
  drawnAt: Type.Union([Timestamp, Type.Null()]),
});
export type RandomDraw = Static<typeof RandomDraw>;
export const DrawList = Type.Object({ items: Type.Array(RandomDraw) });
export const DrawQuery = Type.Object({ planId: Type.Optional(Id) }, { additionalProperties: false });

export const DeclareDraw = Body({
  planId: Type.Optional(Type.Union([Id, Type.Null()])),
  purpose: Plain({ maxLength: 100 }),
  orgIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
  inspectorIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  targetCount: Type.Integer({ minimum: 1, maximum: 500 }),
  inspectorsPerTarget: Type.Integer({ minimum: 0, maximum: 10 }),
});
export type DeclareDraw = Static<typeof DeclareDraw>;

/** Optional public randomness fixed after the commitment (e.g. a lottery number announced later). */
export const ExecuteDraw = Body({ publicEntropy: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9 ._:-]{1,64}$' })) });

export type ExecuteDraw = Static<typeof ExecuteDraw>;

/** A published draw as anyone may check it: the fields of a drawn RandomDraw, with or without the rest. */
export const VerifyDraw = Body({
  pool: DrawPool,
  seed: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  publicEntropy: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  commitment: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  selection: Type.Array(Type.Object({ orgId: Id, inspectorIds: Type.Array(Id, { maxItems: 10 }) }, { additionalProperties: false }), { maxItems: 500 }),
});
export type VerifyDraw = Static<typeof VerifyDraw>;
export const DrawVerification = Type.Object({ commitmentMatches: Type.Boolean(), selectionMatches: Type.Boolean(), recomputed: DrawSelection });
export type DrawVerification = Static<typeof DrawVerification>;
