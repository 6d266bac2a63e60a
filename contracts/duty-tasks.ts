import { Type, type Static } from 'typebox';
import { Body, Code, DateOnly, Id, ImportReport, PageQuery, Paged, Plain, Text, Timestamp, Year } from './common.js';

/**
 * 重点任务分解表 (issue 6): a yearly plan of key tasks, each decomposed down the org tree
 * (局 → 单位/股室 → 支部). Routes:
 *
 *   GET    /api/duty-plans                      DutyPlanQuery → DutyPlanPage                     duty:read
 *   POST   /api/duty-plans                      CreateDutyPlan → 201 DutyPlan                    duty:manage
 *   GET    /api/duty-plans/import-template.xlsx LangQuery → .xlsx (the export layout, no rows)  duty:manage
 *   GET    /api/duty-plans/:id                  → DutyPlan                                       duty:read
 *   PATCH  /api/duty-plans/:id                  UpdateDutyPlan → DutyPlan                        duty:manage
 *   GET    /api/duty-plans/:id/tasks            → DutyPlanTasks (the breakdown, tree order)      duty:read
 *   GET    /api/duty-plans/:id/summary          → DutyPlanSummary (per responsible org)          duty:read
 *   GET    /api/duty-plans/:id/export.xlsx      LangQuery → .xlsx 任务分解表                      duty:read
 *   POST   /api/duty-plans/:id/import           multipart file → ImportReport (200 | 422)        duty:manage
 *
 *   GET    /api/duty-tasks                      DutyTaskQuery → DutyTaskPage                     duty:read
 *   POST   /api/duty-tasks                      CreateDutyTask → 201 DutyTask                    duty:manage
 *   GET    /api/duty-tasks/:id                  → DutyTask                                       duty:read
 *   PATCH  /api/duty-tasks/:id                  UpdateDutyTask → DutyTask                        duty:manage
 *   DELETE /api/duty-tasks/:id                  → Ok (no children, no reports)                   duty:manage
 *   POST   /api/duty-tasks/:id/decompose        DecomposeDutyTask → DutyTask (the parent)        duty:manage
 *   POST   /api/duty-tasks/:id/reports          ReportDutyProgress → DutyTask                    duty:report
 *   POST   /api/duty-tasks/:id/reports/:reportId/accept  ReviewDutyReport → DutyTask            duty:manage
 *   POST   /api/duty-tasks/:id/reports/:reportId/return  ReturnDutyReport → DutyTask            duty:manage
 *
 * Scope: a task is visible when its responsible org or a co-org lies in the caller's duty:read scope, and
 * always to its owner and its lead leader. Out of scope reads answer 404, writes 403.
 * A child task's org lies in its parent's org subtree (the parent's own org included: 分解到班子成员),
 * else 422 DUTY_TASK_ORG_OUTSIDE_PARENT. Only leaves take progress reports; a parent's progress is the
 * weighted mean of its children's. Reports are accepted or returned by the assigner: an account holding
 * duty:manage over the org that assigned the task (the parent task's org; for a top-level task the plan's
 * org), never the account that reported.
 */

/** none, or the period a recurring duty repeats in (每月 / 每季度 / 每半年 / 每年). */
export const dutyRecurrences = ['none', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const DutyRecurrence = Type.Enum(dutyRecurrences);
export type DutyRecurrence = (typeof dutyRecurrences)[number];

/** Derived: completed = progress 100; submitted = a report awaits review; in_progress = some accepted progress. */
export const dutyTaskStatuses = ['not_started', 'in_progress', 'submitted', 'completed'] as const;
export const DutyTaskStatus = Type.Enum(dutyTaskStatuses);
export type DutyTaskStatus = (typeof dutyTaskStatuses)[number];

export const dutyReportStatuses = ['pending', 'accepted', 'returned'] as const;
export const DutyReportStatus = Type.Enum(dutyReportStatuses);
export type DutyReportStatus = (typeof dutyReportStatuses)[number];

/** What the caller may do on a task now; the page shows exactly these. */
export const dutyTaskActions = ['edit', 'delete', 'decompose', 'report', 'review'] as const;
export type DutyTaskAction = (typeof dutyTaskActions)[number];

const Ref = Type.Object({ id: Id, name: Type.String() });
const NullableRef = Type.Union([Ref, Type.Null()]);
/** 0–100, two decimals. */
const Percent = Type.Number({ minimum: 0, maximum: 100 });
/** Codes of the `evidence_form` dictionary (会议记录, 报告, 方案, 谈话笔记, …). */
const EvidenceForms = Type.Array(Code, { minItems: 1, maxItems: 8, uniqueItems: true });
/** 分值 / 权重 of a task among its siblings. */
const Weight = Type.Integer({ minimum: 0, maximum: 1000 });
const Lang = Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]));

// ---------------------------------------------------------------- plans

export const DutyPlan = Type.Object({
  id: Id,
  year: Year,
  title: Type.String(),
  /** The org that issues the plan (usually the 局); top-level tasks are assigned by it. */
  org: Ref,
  taskCount: Type.Integer(),
  topLevelCount: Type.Integer(),
  overdueCount: Type.Integer(),
  /** Weighted mean of the top-level tasks' progress. */
  progress: Percent,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  actions: Type.Array(Type.Enum(['edit', 'import', 'add_task'] as const)),
});
export type DutyPlan = Static<typeof DutyPlan>;

export const DutyPlanQuery = Type.Object({ ...PageQuery, year: Type.Optional(Year), orgId: Type.Optional(Id) }, { additionalProperties: false });
export type DutyPlanQuery = Static<typeof DutyPlanQuery>;
export const DutyPlanPage = Paged(DutyPlan);
export type DutyPlanPage = Static<typeof DutyPlanPage>;

export const CreateDutyPlan = Body({ year: Year, title: Plain({ maxLength: 100 }), orgId: Id });
export type CreateDutyPlan = Static<typeof CreateDutyPlan>;
export const UpdateDutyPlan = Body({ title: Plain({ maxLength: 100 }) });
export type UpdateDutyPlan = Static<typeof UpdateDutyPlan>;

export const DutyLangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });

export const DutyPlanSummaryRow = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  total: Type.Integer(),
  completed: Type.Integer(),
  overdue: Type.Integer(),
  /** Plain mean of the org's tasks' progress (each task counts once, whatever its place in the tree). */
  progress: Percent,
});
export const DutyPlanSummary = Type.Object({ items: Type.Array(DutyPlanSummaryRow) });
export type DutyPlanSummary = Static<typeof DutyPlanSummary>;

/** The import answers the shared row report; `created` counts tasks. */
export const DutyImportReport = ImportReport;

// ---------------------------------------------------------------- tasks

export const DutyTaskSummary = Type.Object({
  id: Id,
  planId: Id,
  year: Year,
  parentId: Type.Union([Id, Type.Null()]),
  /** 序号 in the breakdown: "2", "2.1", "2.1.3". */
  number: Type.String(),
  depth: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  /** 责任领导. */
  leader: NullableRef,
  /** 牵头单位 / 责任单位. */
  org: Ref,
  /** 配合单位. */
  coOrgs: Type.Array(Ref),
  /** 具体责任人. */
  owner: NullableRef,
  /** 完成时限; for a recurring duty the last occurrence's due date. */
  deadline: DateOnly,
  evidenceForms: Type.Array(Type.String()),
  weight: Weight,
  recurrence: DutyRecurrence,
  progress: Percent,
  status: DutyTaskStatus,
  overdue: Type.Boolean(),
  /** First day the task (or one of its occurrences) was past due and not done; null when not overdue. */
  overdueSince: Type.Union([DateOnly, Type.Null()]),
  childCount: Type.Integer(),
  pendingReports: Type.Integer(),
  updatedAt: Timestamp,
});
export type DutyTaskSummary = Static<typeof DutyTaskSummary>;

export const DutyOccurrence = Type.Object({
  id: Id,
  seq: Type.Integer(),
  /** "2026-03" (monthly), "2026-Q1", "2026-H1", "2026". */
  period: Type.String(),
  dueDate: DateOnly,
  progress: Percent,
  status: DutyTaskStatus,
  overdue: Type.Boolean(),
});
export type DutyOccurrence = Static<typeof DutyOccurrence>;

export const DutyEvidence = Type.Object({ attachmentId: Id, name: Type.String(), mime: Type.String(), size: Type.Integer() });

export const DutyReport = Type.Object({
  id: Id,
  occurrenceId: Type.Union([Id, Type.Null()]),
  percent: Percent,
  note: Type.String(),
  status: DutyReportStatus,
  reportedBy: Type.Union([Type.String(), Type.Null()]),
  reportedAt: Timestamp,
  reviewedBy: Type.Union([Type.String(), Type.Null()]),
  reviewedAt: Type.Union([Timestamp, Type.Null()]),
  comment: Type.String(),
  evidence: Type.Array(DutyEvidence),
});
export type DutyReport = Static<typeof DutyReport>;

export const DutyTaskEvent = Type.Object({
  id: Id,
  at: Timestamp,
  /** created, updated, decomposed, reported, accepted, returned, overdue, escalated, imported. */
  kind: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
});

export const DutyTask = Type.Object({
  ...DutyTaskSummary.properties,
  plan: Type.Object({ id: Id, year: Year, title: Type.String(), org: Ref }),
  /** Root first, the parent last; those outside the caller's scope are still named (they assigned the task). */
  ancestors: Type.Array(Type.Object({ id: Id, number: Type.String(), title: Type.String() })),
  /** The org that assigned this task: the parent's org, or the plan's org. */
  assignedBy: Ref,
  children: Type.Array(DutyTaskSummary),
  occurrences: Type.Array(DutyOccurrence),
  reports: Type.Array(DutyReport),
  timeline: Type.Array(DutyTaskEvent),
  actions: Type.Array(Type.Enum(dutyTaskActions)),
});
export type DutyTask = Static<typeof DutyTask>;

export const DutyPlanTasks = Type.Object({ plan: DutyPlan, items: Type.Array(DutyTaskSummary) });
export type DutyPlanTasks = Static<typeof DutyPlanTasks>;

export const DutyTaskQuery = Type.Object(
  {
    ...PageQuery,
    year: Type.Optional(Year),
    planId: Type.Optional(Id),
    /** Tasks whose responsible org is this org or below it. */
    orgId: Type.Optional(Id),
    /** 责任领导 (person id). */
    leaderId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    parentId: Type.Optional(Id),
    /** Only top-level tasks of their plans. */
    topLevel: Type.Optional(Type.Boolean()),
    status: Type.Optional(DutyTaskStatus),
    overdue: Type.Optional(Type.Boolean()),
    recurrence: Type.Optional(DutyRecurrence),
    /** Tasks with a report the caller may review now. */
    awaitingMyReview: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DutyTaskQuery = Static<typeof DutyTaskQuery>;
export const DutyTaskPage = Paged(DutyTaskSummary);
export type DutyTaskPage = Static<typeof DutyTaskPage>;

const TaskFields = {
  title: Plain({ maxLength: 100 }),
  description: Type.Optional(Text({ maxLength: 3000 })),
  leaderId: Type.Optional(Type.Union([Id, Type.Null()])),
  orgId: Id,
  coOrgIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  ownerId: Type.Optional(Type.Union([Id, Type.Null()])),
  deadline: DateOnly,
  evidenceForms: EvidenceForms,
  weight: Weight,
  recurrence: Type.Optional(DutyRecurrence),
};

/** A top-level task of a plan, or (parentId) one more child of a task. Deadline within the plan's year. */
export const CreateDutyTask = Body({ planId: Id, parentId: Type.Optional(Type.Union([Id, Type.Null()])), ...TaskFields });
export type CreateDutyTask = Static<typeof CreateDutyTask>;

/** The recurrence changes only while no occurrence has a report. */
export const UpdateDutyTask = Body({
  title: Type.Optional(TaskFields.title),
  description: TaskFields.description,
  leaderId: TaskFields.leaderId,
  orgId: Type.Optional(Id),
  coOrgIds: TaskFields.coOrgIds,
  ownerId: TaskFields.ownerId,
  deadline: Type.Optional(DateOnly),
  evidenceForms: Type.Optional(EvidenceForms),
  weight: Type.Optional(Weight),
  recurrence: TaskFields.recurrence,
});
export type UpdateDutyTask = Static<typeof UpdateDutyTask>;

/** Children take the parent's title, description, leader, deadline, evidence forms and recurrence where left out. */
export const DutyChildTask = Type.Object(
  {
    orgId: Id,
    weight: Weight,
    title: Type.Optional(TaskFields.title),
    description: TaskFields.description,
    leaderId: TaskFields.leaderId,
    coOrgIds: TaskFields.coOrgIds,
    ownerId: TaskFields.ownerId,
    deadline: Type.Optional(DateOnly),
    evidenceForms: Type.Optional(EvidenceForms),
    recurrence: TaskFields.recurrence,
  },
  { additionalProperties: false },
);
export type DutyChildTask = Static<typeof DutyChildTask>;
export const DecomposeDutyTask = Body({ children: Type.Array(DutyChildTask, { minItems: 1, maxItems: 50 }) });
export type DecomposeDutyTask = Static<typeof DecomposeDutyTask>;

/**
 * Progress report by an owner on a leaf task (or, for a recurring duty, on one occurrence: occurrenceId
 * required). Evidence: drafts uploaded through POST /api/attachments, claimed by the report.
 */
export const ReportDutyProgress = Body({
  occurrenceId: Type.Optional(Id),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Text({ minLength: 1, maxLength: 2000 }),
  attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
});
export type ReportDutyProgress = Static<typeof ReportDutyProgress>;

export const ReviewDutyReport = Body({ comment: Type.Optional(Text({ maxLength: 1000 })) });
export type ReviewDutyReport = Static<typeof ReviewDutyReport>;
export const ReturnDutyReport = Body({ comment: Text({ minLength: 2, maxLength: 1000 }) });
export type ReturnDutyReport = Static<typeof ReturnDutyReport>;

export const DutyReportParams = Type.Object({ id: Id, reportId: Id }, { additionalProperties: false });

/**
 * 任务分解表 columns, as `column` in the import's row report. Row 1 is the title, rows 2–3 the header
 * (责任单位 merged over 牵头单位 | 配合单位, the others merged down both rows), one task per row after that;
 * a child row names its parent's 序号 in 上级序号. 完成时限 is a date or, for a recurring duty,
 * 每月 / 每季度 / 每半年 / 每年.
 *
 * Row-report codes (all in contracts/errors.ts): VALIDATION_FAILED (missing or malformed cell, a date outside
 * the plan's year), INVALID_CHARACTERS, NOT_FOUND (org, person, parent number, evidence form), CONFLICT (a name
 * that matches several), DUPLICATE (序号 used twice), FORBIDDEN (org outside the importer's duty:manage scope),
 * DUTY_TASK_ORG_OUTSIDE_PARENT.
 */
export const dutySheetColumns = ['number', 'parentNumber', 'title', 'description', 'leader', 'org', 'coOrgs', 'owner', 'deadline', 'evidenceForms', 'weight'] as const;
export type DutySheetColumn = (typeof dutySheetColumns)[number];
