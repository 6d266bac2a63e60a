import { Type, type Static, type TSchema } from 'typebox';
import { Body, Id, PageQuery, Paged, Plain, Text, Timestamp, Year } from './common.js';

/**
 * 党风廉政建设考核 (issue 6): a yearly rubric and one assessment per subject (a unit or a leadership member),
 * scored 自评 → 考核小组初评 → 党组织定等次, then locked. Routes (prefix /api/assessment):
 *
 *   GET  /feeds                              → FeedList (codes a rule may name)                     assessment:read
 *   GET  /rubrics                            RubricQuery → RubricPage                               assessment:read
 *   POST /rubrics                            SaveRubric → 201 Rubric (draft)                        assessment:manage (tenant)
 *   GET  /rubrics/:id                        → Rubric                                               assessment:read
 *   PUT  /rubrics/:id                        SaveRubric → Rubric (draft only, else 409)             assessment:manage (tenant)
 *   POST /rubrics/:id/publish                → Rubric (draft → published, immutable)                assessment:manage (tenant)
 *   POST /rubrics/:id/copy                   CopyRubric → 201 Rubric (a draft for another year)     assessment:manage (tenant)
 *   POST /rubrics/:id/assessments            LaunchAssessments → AssessmentList (new ones only)     assessment:manage (subjects in scope)
 *
 *   GET  /assessments                        AssessmentQuery → AssessmentPage                       assessment:read
 *   GET  /assessments/:id                    → Assessment                                           assessment:read
 *   PUT  /assessments/:id/self               Sheet → Assessment  (status self)                      assessment:self
 *   POST /assessments/:id/submit-self        → Assessment  (self → review)                          assessment:self
 *   PUT  /assessments/:id/review             Sheet → Assessment  (status review)                    assessment:manage
 *   POST /assessments/:id/submit-review      → Assessment  (review → grading)                       assessment:manage
 *   POST /assessments/:id/approve            Approve → Assessment  (grading → approved, locked)     assessment:approve
 *   POST /assessments/:id/return             ReturnAssessment → Assessment (review → self, grading → review)
 *                                            assessment:manage in review, assessment:approve in grading
 *   POST /assessments/:id/refresh-feeds      → Assessment (re-reads every fed rule; not once approved) assessment:manage
 *   GET  /export.xlsx                        PayExportQuery → .xlsx 绩效 (approved only)             assessment:read
 *   GET  /compare                            CompareQuery → Comparison (year over year)             assessment:read
 *
 * Scope: an assessment belongs to its subject's org (a leader: the person's primary org). Reads outside the
 * caller's assessment:read scope answer 404 (a self-scoped caller sees the assessments of which they are the
 * subject); writes outside the scope 403. 自评 of a unit: assessment:self reaching the unit; of a leader: only
 * that leader. Nobody reviews or grades their own assessment (403). An approved assessment answers 409
 * ASSESSMENT_LOCKED to every change; a published rubric answers 409 STATE_INVALID to an edit.
 *
 * Scores are numbers with at most two decimals (0.5-point rules exist); the server computes every total.
 */

/** unit: 局属单位/股室/支部 (the org is the subject); leader: a 班子成员 (a person in the leader table). */
export const subjectKinds = ['unit', 'leader'] as const;
export const SubjectKind = Type.Enum(subjectKinds);
export type SubjectKind = (typeof subjectKinds)[number];

export const rubricStatuses = ['draft', 'published'] as const;
export const RubricStatus = Type.Enum(rubricStatuses);
export type RubricStatus = (typeof rubricStatuses)[number];

/** self: 自评; review: 考核小组初评; grading: 党组织定等次; approved: locked. */
export const assessmentStatuses = ['self', 'review', 'grading', 'approved'] as const;
export const AssessmentStatus = Type.Enum(assessmentStatuses);
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** 优秀 / 良好 / 合格 / 不合格. */
export const grades = ['excellent', 'good', 'pass', 'fail'] as const;
export const Grade = Type.Enum(grades);
export type Grade = (typeof grades)[number];

export const assessmentActions = ['save_self', 'submit_self', 'save_review', 'submit_review', 'approve', 'return', 'refresh_feeds'] as const;
export type AssessmentAction = (typeof assessmentActions)[number];

/** A rubric item's code, e.g. "1", "1.2", "A3": unique within the rubric, named in sheets and results. */
export const ItemCode = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$', maxLength: 32 });
/** A registered feed (`registerAssessmentFeed`), e.g. "rectification.overdue". */
export const FeedCode = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$', maxLength: 64 });
/** Points: at most two decimals (checked by the server, which answers 400 VALIDATION_FAILED otherwise). */
const Points = (maximum: number) => Type.Number({ minimum: 0, maximum });
const Occurrences = Type.Integer({ minimum: 0, maximum: 10000 });

// ---------------------------------------------------------------- rubric

/**
 * The rubric's parts, built twice: with the text formats for what the server accepts, and with plain
 * strings for what it answers (a response is checked by the serializer, which has no text formats).
 */
function rubricParts(name: () => TSchema, guidance: () => TSchema) {
  /**
   * A deduction: `points` per occurrence, at most `cap` in total (null: up to the indicator's score). With a
   * `feed`, occurrences come from Qingfeng data (e.g. 责任书签订率 < 100 % → one occurrence of −2; each
   * overdue task −1, capped); the 考核小组 may override a fed count with a comment.
   */
  const DeductionRule = Type.Object(
    { code: ItemCode, name: name(), points: Points(100), cap: Type.Union([Points(100), Type.Null()]), feed: Type.Union([FeedCode, Type.Null()]) },
    { additionalProperties: false },
  );
  /**
   * awarded: the scorer gives 0…max (an unscored indicator counts 0 and is listed as missing);
   * deducted: starts at max and only the deductions lower it.
   * memberAveraged (awarded only): each 班子成员 is scored 0…max and the base is their mean (一岗双责).
   * The indicator's score is base − deductions, never below 0 nor above max. An indicator is "fed" when one
   * of its deductions names a feed.
   */
  const Indicator = Type.Object(
    {
      code: ItemCode,
      name: name(),
      maxScore: Points(100),
      scoring: Type.Enum(['awarded', 'deducted'] as const),
      memberAveraged: Type.Boolean(),
      guidance: guidance(),
      deductions: Type.Array(DeductionRule, { maxItems: 20 }),
    },
    { additionalProperties: false },
  );
  /** A section's score is the sum of its indicators, at most `maxScore` (e.g. 落实两个责任 40 分). */
  const Section = Type.Object(
    { code: ItemCode, name: name(), maxScore: Points(1000), indicators: Type.Array(Indicator, { minItems: 1, maxItems: 60 }) },
    { additionalProperties: false },
  );
  /** 加分项: `points` per occurrence up to `cap`; all bonuses together at most the rubric's `bonusCap`. */
  const BonusRule = Type.Object(
    { code: ItemCode, name: name(), points: Points(100), cap: Type.Union([Points(100), Type.Null()]), feed: Type.Union([FeedCode, Type.Null()]) },
    { additionalProperties: false },
  );
  /** 一票否决: any one triggered makes the grade 不合格 whatever the score. */
  const VetoItem = Type.Object({ code: ItemCode, name: name() }, { additionalProperties: false });
  const RubricDefinition = Type.Object(
    {
      sections: Type.Array(Section, { minItems: 1, maxItems: 20 }),
      bonuses: Type.Array(BonusRule, { maxItems: 20 }),
      bonusCap: Points(100),
      vetoes: Type.Array(VetoItem, { maxItems: 20 }),
    },
    { additionalProperties: false },
  );
  return { DeductionRule, Indicator, Section, BonusRule, VetoItem, RubricDefinition };
}

const accepted = rubricParts(() => Plain({ maxLength: 200 }), () => Text({ maxLength: 2000 }));
const answered = rubricParts(() => Type.String(), () => Type.String());

export const { DeductionRule, Indicator, Section, BonusRule, VetoItem, RubricDefinition } = accepted;
export type DeductionRule = Static<typeof DeductionRule>;
export type Indicator = Static<typeof Indicator>;
export type Section = Static<typeof Section>;
export type BonusRule = Static<typeof BonusRule>;
export type VetoItem = Static<typeof VetoItem>;
export type RubricDefinition = Static<typeof RubricDefinition>;
/** The definition as the server answers it (same shape, no input formats). */
export const RubricDefinitionView = answered.RubricDefinition;

/** Item codes must be unique across the rubric and every feed registered: else 400 VALIDATION_FAILED {field}. */
export const SaveRubric = Body({
  year: Year,
  name: Plain({ maxLength: 100 }),
  subjectKind: SubjectKind,
  definition: RubricDefinition,
});
export type SaveRubric = Static<typeof SaveRubric>;

export const CopyRubric = Body({ year: Year, name: Type.Optional(Plain({ maxLength: 100 })) });
export type CopyRubric = Static<typeof CopyRubric>;

export const RubricSummary = Type.Object({
  id: Id,
  year: Year,
  name: Type.String(),
  subjectKind: SubjectKind,
  status: RubricStatus,
  /** Sum of the section maxima (bonuses not included). */
  maxTotal: Type.Number(),
  assessmentCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Type.Union([Timestamp, Type.Null()]),
});
export type RubricSummary = Static<typeof RubricSummary>;

export const Rubric = Type.Object({
  ...RubricSummary.properties,
  definition: RubricDefinitionView,
  actions: Type.Array(Type.Enum(['edit', 'publish', 'copy', 'launch'] as const)),
});
export type Rubric = Static<typeof Rubric>;

export const RubricQuery = Type.Object(
  { ...PageQuery, year: Type.Optional(Year), subjectKind: Type.Optional(SubjectKind), status: Type.Optional(RubricStatus) },
  { additionalProperties: false },
);
export type RubricQuery = Static<typeof RubricQuery>;
export const RubricPage = Paged(RubricSummary);

export const FeedList = Type.Object({ items: Type.Array(Type.Object({ code: FeedCode })) });
export type FeedList = Static<typeof FeedList>;

// ---------------------------------------------------------------- assessments

/** Subjects to assess under a published rubric: orgIds for a unit rubric, personIds (leaders) for a leader rubric. */
export const LaunchAssessments = Body({
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
  personIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
});
export type LaunchAssessments = Static<typeof LaunchAssessments>;

const Ref = Type.Object({ id: Id, name: Type.String() });

/**
 * One scorer's sheet (自评 or 初评). Every code must name an item of the rubric (else 400). `occurrences`
 * of a fed rule override the feed and need a comment. `members` only for memberAveraged indicators.
 * `attachmentIds` are uploaded drafts (POST /api/attachments) kept as the item's evidence.
 */
export const SheetItem = Type.Object(
  {
    indicator: ItemCode,
    score: Type.Optional(Type.Union([Points(100), Type.Null()])),
    occurrences: Type.Optional(Type.Array(Type.Object({ rule: ItemCode, count: Occurrences }, { additionalProperties: false }), { maxItems: 20 })),
    members: Type.Optional(Type.Array(Type.Object({ personId: Id, score: Points(100) }, { additionalProperties: false }), { maxItems: 50 })),
    comment: Type.Optional(Text({ maxLength: 1000 })),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type SheetItem = Static<typeof SheetItem>;

export const Sheet = Body({
  items: Type.Array(SheetItem, { maxItems: 400 }),
  bonuses: Type.Optional(Type.Array(Type.Object({ rule: ItemCode, count: Occurrences, comment: Type.Optional(Text({ maxLength: 1000 })) }, { additionalProperties: false }), { maxItems: 20 })),
  vetoes: Type.Optional(Type.Array(Type.Object({ code: ItemCode, note: Text({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }), { maxItems: 20 })),
  /** Overall remark of the scorer (自评说明 / 初评意见). */
  remark: Type.Optional(Text({ maxLength: 2000 })),
});
export type Sheet = Static<typeof Sheet>;

/** A saved sheet as stored, with who saved it and the evidence as attachment references. */
export const SheetView = Type.Object({
  items: Type.Array(
    Type.Object({
      indicator: Type.String(),
      score: Type.Union([Type.Number(), Type.Null()]),
      occurrences: Type.Array(Type.Object({ rule: Type.String(), count: Type.Integer() })),
      members: Type.Array(Type.Object({ personId: Id, name: Type.String(), score: Type.Number() })),
      comment: Type.String(),
      evidence: Type.Array(Type.Object({ id: Id, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
    }),
  ),
  bonuses: Type.Array(Type.Object({ rule: Type.String(), count: Type.Integer(), comment: Type.String() })),
  vetoes: Type.Array(Type.Object({ code: Type.String(), note: Type.String() })),
  remark: Type.String(),
  savedBy: Type.Union([Type.String(), Type.Null()]),
  savedAt: Timestamp,
});
export type SheetView = Static<typeof SheetView>;

/** What a feed counted for this subject and year, read when the assessment was launched or last refreshed. */
export const FeedValue = Type.Object({
  rule: Type.String(),
  feed: Type.String(),
  occurrences: Type.Integer(),
  /** A measured figure where the feed has one (e.g. the signing rate 0…1), else null. */
  value: Type.Union([Type.Number(), Type.Null()]),
  /** The records counted (e.g. overdue items: code and title), for the scorer to check. */
  items: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  /** Whether the feed is registered in this server; an unknown feed counts 0. */
  known: Type.Boolean(),
});
export type FeedValue = Static<typeof FeedValue>;

const Applied = Type.Object({ rule: Type.String(), occurrences: Type.Integer(), points: Type.Number(), fed: Type.Boolean() });

/** The result of `scoreAssessment`: every figure the page shows, computed by the server. */
export const ScoreResult = Type.Object({
  total: Type.Number(),
  sectionTotal: Type.Number(),
  bonus: Type.Number(),
  sections: Type.Array(Type.Object({ code: Type.String(), score: Type.Number(), maxScore: Type.Number() })),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      section: Type.String(),
      base: Type.Number(),
      deductions: Type.Array(Applied),
      score: Type.Number(),
      maxScore: Type.Number(),
      zero: Type.Boolean(),
      /** An awarded indicator nobody scored (counted as 0). */
      missing: Type.Boolean(),
    }),
  ),
  bonuses: Type.Array(Applied),
  zeroItems: Type.Array(Type.String()),
  vetoes: Type.Array(Type.String()),
  /** The grade the thresholds give (any veto: fail). */
  grade: Grade,
});
export type ScoreResult = Static<typeof ScoreResult>;

export const AssessmentSummary = Type.Object({
  id: Id,
  year: Year,
  rubric: Ref,
  subjectKind: SubjectKind,
  /** The unit, or the leader's person. */
  subject: Ref,
  /** The org the assessment belongs to for scope (a leader's primary org). */
  org: Ref,
  status: AssessmentStatus,
  selfTotal: Type.Union([Type.Number(), Type.Null()]),
  reviewTotal: Type.Union([Type.Number(), Type.Null()]),
  /** Set on approval, with the grade. */
  finalTotal: Type.Union([Type.Number(), Type.Null()]),
  grade: Type.Union([Grade, Type.Null()]),
  updatedAt: Timestamp,
  approvedAt: Type.Union([Timestamp, Type.Null()]),
});
export type AssessmentSummary = Static<typeof AssessmentSummary>;

export const AssessmentEvent = Type.Object({
  id: Id,
  at: Timestamp,
  /** launched, self_saved, self_submitted, review_saved, review_submitted, returned, feeds_refreshed, approved. */
  kind: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
});

export const Assessment = Type.Object({
  ...AssessmentSummary.properties,
  definition: RubricDefinitionView,
  feeds: Type.Array(FeedValue),
  feedsAt: Type.Union([Timestamp, Type.Null()]),
  self: Type.Union([SheetView, Type.Null()]),
  review: Type.Union([SheetView, Type.Null()]),
  selfScore: Type.Union([ScoreResult, Type.Null()]),
  reviewScore: Type.Union([ScoreResult, Type.Null()]),
  approval: Type.Union([
    Type.Object({ grade: Grade, computedGrade: Grade, total: Type.Number(), note: Type.String(), by: Type.Union([Type.String(), Type.Null()]), at: Timestamp }),
    Type.Null(),
  ]),
  timeline: Type.Array(AssessmentEvent),
  /** What the caller may do now: the page shows exactly these. */
  actions: Type.Array(Type.Enum(assessmentActions)),
});
export type Assessment = Static<typeof Assessment>;

export const AssessmentList = Type.Object({ items: Type.Array(AssessmentSummary) });
export type AssessmentList = Static<typeof AssessmentList>;

export const AssessmentQuery = Type.Object(
  {
    ...PageQuery,
    year: Type.Optional(Year),
    rubricId: Type.Optional(Id),
    subjectKind: Type.Optional(SubjectKind),
    status: Type.Optional(AssessmentStatus),
    grade: Type.Optional(Grade),
    orgId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AssessmentQuery = Static<typeof AssessmentQuery>;
export const AssessmentPage = Paged(AssessmentSummary);

/**
 * 定等次: the grade defaults to the computed one; the 党组织 may only set a lower grade than the
 * thresholds give, and then must say why (note) — else 400 VALIDATION_FAILED.
 */
export const Approve = Body({ grade: Type.Optional(Grade), note: Type.Optional(Text({ maxLength: 2000 })) });
export type Approve = Static<typeof Approve>;

export const ReturnAssessment = Body({ note: Text({ minLength: 1, maxLength: 2000 }) });
export type ReturnAssessment = Static<typeof ReturnAssessment>;

const Lang = Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const));

/** The performance-pay sheet: approved assessments of a year, with the coefficient of each grade. */
export const PayExportQuery = Type.Object({ year: Year, subjectKind: Type.Optional(SubjectKind), lang: Lang }, { additionalProperties: false });
export type PayExportQuery = Static<typeof PayExportQuery>;

/** Year over year: approved results of the same subjects in [fromYear, toYear] (at most 10 years). */
export const CompareQuery = Type.Object(
  { fromYear: Year, toYear: Year, subjectKind: SubjectKind, orgId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type CompareQuery = Static<typeof CompareQuery>;

export const Comparison = Type.Object({
  years: Type.Array(Year),
  rows: Type.Array(
    Type.Object({
      subject: Ref,
      subjectKind: SubjectKind,
      /** One entry per year of `years`, null where the subject had no approved assessment. */
      results: Type.Array(Type.Union([Type.Object({ total: Type.Number(), grade: Grade }), Type.Null()])),
      /** Last minus first available total, null with fewer than two. */
      change: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type Comparison = Static<typeof Comparison>;

// ---------------------------------------------------------------- settings

const GradeRule = Type.Object(
  {
    minScore: Points(1000),
    /** Most zero-score items allowed for this grade; null: any number. */
    maxZeroItems: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]),
  },
  { additionalProperties: false },
);

/** Setting `system.assessment.gradeRules`: the best grade whose rule holds; none holds → 不合格. */
export const GradeRules = Type.Object({ excellent: GradeRule, good: GradeRule, pass: GradeRule }, { additionalProperties: false });
export type GradeRules = Static<typeof GradeRules>;
export const defaultGradeRules: GradeRules = {
  excellent: { minScore: 90, maxZeroItems: 0 },
  good: { minScore: 80, maxZeroItems: null },
  pass: { minScore: 60, maxZeroItems: null },
};

const Coefficient = Type.Number({ minimum: 0, maximum: 10 });
/** Setting `system.assessment.payCoefficients`: 绩效 coefficient per grade (client policy; these are placeholders). */
export const PayCoefficients = Type.Object({ excellent: Coefficient, good: Coefficient, pass: Coefficient, fail: Coefficient }, { additionalProperties: false });
export type PayCoefficients = Static<typeof PayCoefficients>;
export const defaultPayCoefficients: PayCoefficients = { excellent: 1.2, good: 1, pass: 0.8, fail: 0 };
