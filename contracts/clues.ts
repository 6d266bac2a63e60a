import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, PageQuery, Paged, Plain, Text, Timestamp, Year } from './common.js';
import { SlaColourSchema } from './rectification.js';

/**
 * 问题线索处置 (issue 5). A clue exists only for the accounts on its access list: every route below answers
 * 404 to anyone else, and lists, counts, statistics and exports count only the caller's own clues.
 * Reporter identity never appears in any of these shapes except ReporterIdentity, served against a
 * custodian-approved, time-limited grant.
 */

/** 来信, 来访, 电话, 12388/网络, 上级转办, 监督检查发现, 巡察/审计移交. */
export const clueSources = ['letter', 'visit', 'phone', 'online_12388', 'referral_upper', 'supervision', 'inspection_audit'] as const;
export const ClueSource = Type.Enum(clueSources);
export type ClueSource = (typeof clueSources)[number];

/** 政治/组织/廉洁/群众/工作/生活纪律. */
export const clueCategories = ['political', 'organizational', 'integrity', 'mass', 'work', 'life'] as const;
export const ClueCategory = Type.Enum(clueCategories);
export type ClueCategory = (typeof clueCategories)[number];

/** 被反映人级别: 县处级 / 乡科级 / 科级以下. */
export const clueReportedLevels = ['division', 'section', 'below'] as const;
export const ClueReportedLevel = Type.Enum(clueReportedLevels);
export type ClueReportedLevel = (typeof clueReportedLevels)[number];

/**
 * registered → scope decision (accepted | not_accepted | forwarded_up | forwarded_down | repeat);
 * accepted → proposed → studied → approved (refusal returns to accepted) → in_disposal | shelved | transferred
 * → concluded → outcome_recorded → closed (办结). A shelved clue returns to accepted at its review.
 */
export const clueStatuses = [
  'registered', 'accepted', 'not_accepted', 'forwarded_up', 'forwarded_down', 'repeat',
  'proposed', 'studied', 'approved', 'in_disposal', 'shelved', 'transferred', 'concluded', 'outcome_recorded', 'closed',
] as const;
export const ClueStatus = Type.Enum(clueStatuses);
export type ClueStatus = (typeof clueStatuses)[number];

/** 谈话函询 / 初步核实 / 暂存待查 / 予以了结, and transfer to 审查调查. */
export const clueMethods = ['talk_inquiry', 'preliminary_check', 'shelve', 'close', 'transfer'] as const;
export const ClueMethod = Type.Enum(clueMethods);
export type ClueMethod = (typeof clueMethods)[number];

/** 四种形态 1–4. */
export const ClueForm = Type.Integer({ minimum: 1, maximum: 4 });

/** 受理 / 分流办理 / 跟踪督办 / 办结反馈 ledgers. */
export const clueLedgers = ['intake', 'disposal', 'supervision', 'closure'] as const;
export const ClueLedger = Type.Enum(clueLedgers);
export type ClueLedger = (typeof clueLedgers)[number];

export const clueScopeDecisions = ['accept', 'not_accept', 'forward_up', 'forward_down', 'repeat'] as const;
export const ClueScopeDecisionKind = Type.Enum(clueScopeDecisions);
export type ClueScopeDecisionKind = (typeof clueScopeDecisions)[number];

/** owner: runs the clue and manages the list; registrar: registered it without clue:manage, sees the register entry only. */
export const clueAccessRoles = ['owner', 'handler', 'approver', 'registrar'] as const;
export const ClueAccessRole = Type.Enum(clueAccessRoles);
export type ClueAccessRole = (typeof clueAccessRoles)[number];

export const clueNoticeKinds = ['acceptance', 'result'] as const;
export const ClueNoticeKind = Type.Enum(clueNoticeKinds);
export type ClueNoticeKind = (typeof clueNoticeKinds)[number];

export const clueNoticeMethods = ['phone', 'letter', 'in_person', 'portal', 'sms'] as const;
export const ClueNoticeMethod = Type.Enum(clueNoticeMethods);

export const clueIdentityPurposes = ['handling', 'referral'] as const;
export const ClueIdentityPurpose = Type.Enum(clueIdentityPurposes);
export type ClueIdentityPurpose = (typeof clueIdentityPurposes)[number];

export const clueIdentityRequestStatuses = ['pending', 'approved', 'refused'] as const;
export const ClueIdentityRequestStatus = Type.Enum(clueIdentityRequestStatuses);

/** The clocks a clue can run; all in working days except the retaliation check-in (calendar days). */
export const clueClockKinds = [
  'forward_up', 'forward_ack', 'acceptance_notice', 'result_notice', 'reply', 'preliminary_check', 'shelve_review', 'retaliation_checkin',
] as const;
export const ClueClockKind = Type.Enum(clueClockKinds);

/** What the caller may do next on this clue; the detail page shows only these buttons. */
export const clueActions = [
  'scope', 'forward_ack', 'attach', 'manage_access', 'request_identity', 'view_identity', 'referral',
  'propose', 'study', 'approve', 'talk_plan', 'talk', 'letter', 'reply', 'spot_check',
  'check_plan', 'check_extend', 'check_findings', 'check_report', 'shelve', 'review', 'close_no_action', 'transfer',
  'outcome', 'close', 'notice', 'objection', 'checkin',
] as const;
export const ClueAction = Type.Enum(clueActions);
export type ClueAction = (typeof clueActions)[number];

/** Step kinds of the signed step log; facts are structured values and hashes, never content or identity. */
export const clueStepKinds = [
  'registered', 'converted_from_complaint', 'scope_decided', 'forward_acknowledged', 'access_added', 'access_removed',
  'attachment_added', 'identity_requested', 'identity_decided', 'identity_viewed', 'referral_exported',
  'proposed', 'studied', 'approved', 'refused', 'talk_planned', 'talk_held', 'letter_sent', 'reply_received',
  'spot_check_drawn', 'spot_checked', 'check_planned', 'check_extended', 'check_findings', 'check_reported',
  'shelved', 'reviewed', 'closed_no_action', 'transferred', 'outcome_recorded', 'closed',
  'notice_recorded', 'objection_recorded', 'checkin_recorded',
] as const;
export const ClueStepKind = Type.Enum(clueStepKinds);
export type ClueStepKind = (typeof clueStepKinds)[number];

const Ref = Type.Object({ id: Id, name: Type.String() });
const NullableRef = Type.Union([Ref, Type.Null()]);
const CodeRef = Type.Object({ id: Id, code: Type.String() });
const NullableDate = Type.Union([DateOnly, Type.Null()]);
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Mobile = Type.String({ pattern: '^1[3-9][0-9]{9}$' });

export const ClueClock = Type.Object({ kind: ClueClockKind, due: DateOnly, doneOn: NullableDate, colour: SlaColourSchema });
export type ClueClock = Static<typeof ClueClock>;

/**
 * One row of the register and of every ledger. `reported`, `summary` are null for a registrar (register entry only).
 * The reporter shows only as named (实名) or not (匿名).
 */
export const ClueSummary = Type.Object({
  id: Id,
  code: Type.String(),
  source: ClueSource,
  named: Type.Boolean(),
  category: ClueCategory,
  status: ClueStatus,
  receivedOn: DateOnly,
  registeredAt: Timestamp,
  reportedName: NullableString,
  reportedOrg: NullableRef,
  reportedLevel: ClueReportedLevel,
  summary: NullableString,
  owner: NullableRef,
  myRole: ClueAccessRole,
  scopeDecidedOn: NullableDate,
  method: Type.Union([ClueMethod, Type.Null()]),
  form: Type.Union([ClueForm, Type.Null()]),
  measure: NullableString,
  closedOn: NullableDate,
  acceptanceNoticeOn: NullableDate,
  resultNoticeOn: NullableDate,
  /** The earliest open clock, for the supervision ledger. */
  nextClock: Type.Union([ClueClock, Type.Null()]),
  repeatOf: Type.Union([CodeRef, Type.Null()]),
});
export type ClueSummary = Static<typeof ClueSummary>;

/** What the register and ledgers filter by; the export takes the same filter without paging. */
const ClueFilter = {
  status: Type.Optional(ClueStatus),
  source: Type.Optional(ClueSource),
  method: Type.Optional(ClueMethod),
  form: Type.Optional(ClueForm),
  category: Type.Optional(ClueCategory),
  year: Type.Optional(Year),
  ledger: Type.Optional(ClueLedger),
};

export const ClueQuery = Type.Object({ ...PageQuery, ...ClueFilter }, { additionalProperties: false });
export type ClueQuery = Static<typeof ClueQuery>;
export const CluePage = Paged(ClueSummary);
export const ClueExportQuery = Type.Object(ClueFilter, { additionalProperties: false });
export type ClueExportQuery = Static<typeof ClueExportQuery>;

export const ClueScope = Type.Object({
  decision: ClueScopeDecisionKind,
  decidedOn: DateOnly,
  decidedBy: NullableRef,
  reason: NullableString,
  /** The receiving body for forward_up / forward_down. */
  recipient: NullableString,
  ackDue: NullableDate,
  acknowledgedOn: NullableDate,
  ackNote: NullableString,
});

export const ClueAttachment = Type.Object({ id: Id, name: Type.String(), mime: Type.String(), size: Type.Integer(), createdAt: Timestamp });

/** The caller's own identity requests on this clue and whether a grant is live. */
export const ClueIdentityState = Type.Object({
  named: Type.Boolean(),
  /** Erased (forwarded up) or never given. */
  available: Type.Boolean(),
  grantUntil: NullableTimestamp,
  grantPurpose: Type.Union([ClueIdentityPurpose, Type.Null()]),
  myRequests: Type.Array(Type.Object({ id: Id, purpose: ClueIdentityPurpose, status: ClueIdentityRequestStatus, requestedAt: Timestamp, decidedAt: NullableTimestamp, decisionReason: NullableString })),
});

const Opinion = Type.Object({ account: Ref, opinion: Type.String() });

/** C's disposal record; every part is null until its step happened. */
export const ClueDisposal = Type.Object({
  proposal: Type.Union([Type.Object({ method: ClueMethod, reason: Type.String(), by: NullableRef, at: Timestamp }), Type.Null()]),
  study: Type.Union([Type.Object({ meetingOn: DateOnly, attendees: Type.Array(Ref), opinions: Type.Array(Opinion), conclusion: Type.String(), at: Timestamp }), Type.Null()]),
  approvals: Type.Array(Type.Object({ approve: Type.Boolean(), note: Type.String(), higherBody: NullableString, by: NullableRef, at: Timestamp })),
  talkInquiry: Type.Union([Type.Object({
    mode: Type.Enum(['talk', 'letter'] as const),
    plannedOn: DateOnly,
    planNote: Type.String(),
    talk: Type.Union([Type.Object({ heldOn: DateOnly, place: Type.String(), interviewers: Type.Array(Ref), intervieweeSigned: Type.Boolean(), record: Type.String() }), Type.Null()]),
    letterSentOn: NullableDate,
    replyDue: NullableDate,
    reply: Type.Union([Type.Object({ receivedOn: DateOnly, content: Type.String(), endorsedBy: Type.String(), endorsedOn: DateOnly }), Type.Null()]),
    spotCheck: Type.Union([Type.Object({ drawnAt: Timestamp, result: NullableString, consistent: Type.Union([Type.Boolean(), Type.Null()]), checkedAt: NullableTimestamp }), Type.Null()]),
  }), Type.Null()]),
  preliminaryCheck: Type.Union([Type.Object({
    plan: Type.String(),
    deadline: DateOnly,
    extensions: Type.Array(Type.Object({ newDeadline: DateOnly, reason: Type.String(), at: Timestamp })),
    findings: NullableString,
    report: NullableString,
    reportedAt: NullableTimestamp,
  }), Type.Null()]),
  shelve: Type.Union([Type.Object({ reason: Type.String(), reviewOn: DateOnly, reviews: Type.Array(Type.Object({ note: Type.String(), at: Timestamp })) }), Type.Null()]),
  closeNoAction: Type.Union([Type.Object({ reason: Type.Enum(['false', 'unverifiable', 'other'] as const), note: Type.String(), at: Timestamp }), Type.Null()]),
  transfer: Type.Union([Type.Object({ recipient: Type.String(), note: Type.String(), at: Timestamp }), Type.Null()]),
  outcome: Type.Union([Type.Object({
    form: ClueForm,
    measure: Type.String(),
    effectFrom: NullableDate,
    effectUntil: NullableDate,
    note: Type.String(),
    rectification: Type.Union([CodeRef, Type.Null()]),
    at: Timestamp,
  }), Type.Null()]),
  notices: Type.Array(Type.Object({ kind: ClueNoticeKind, toldOn: DateOnly, method: ClueNoticeMethod, note: Type.String(), retaliationCheckOptIn: Type.Boolean() })),
  objections: Type.Array(Type.Object({ receivedOn: DateOnly, content: Type.String() })),
  checkins: Type.Array(Type.Object({ doneOn: DateOnly, note: Type.String(), retaliation: Type.Boolean() })),
});
export type ClueDisposal = Static<typeof ClueDisposal>;

export const Clue = Type.Object({
  ...ClueSummary.properties,
  /** Null for a registrar, and after a forward up (erased). */
  content: NullableString,
  reportedPerson: NullableRef,
  repeats: Type.Array(CodeRef),
  complaint: Type.Union([CodeRef, Type.Null()]),
  scope: Type.Union([ClueScope, Type.Null()]),
  attachments: Type.Array(ClueAttachment),
  identity: ClueIdentityState,
  clocks: Type.Array(ClueClock),
  stepCount: Type.Integer(),
  disposal: Type.Union([ClueDisposal, Type.Null()]),
  actions: Type.Array(ClueAction),
});
export type Clue = Static<typeof Clue>;

const ReportedPerson = {
  /** From the people directory, or free text in reportedName — exactly one of the two. */
  reportedPersonId: Type.Optional(Id),
  reportedName: Type.Optional(Plain({ maxLength: 30 })),
  reportedOrgId: Id,
  reportedLevel: ClueReportedLevel,
};

export const ClueReporter = Body({
  name: Plain({ maxLength: 30 }),
  mobile: Type.Optional(Mobile),
  /** 单位或住址. */
  unit: Type.Optional(Plain({ maxLength: 100 })),
});

export const RegisterClue = Body({
  source: ClueSource,
  named: Type.Boolean(),
  /** Required when named, refused when anonymous. */
  reporter: Type.Optional(ClueReporter),
  ...ReportedPerson,
  category: ClueCategory,
  summary: Text({ minLength: 2, maxLength: 200 }),
  content: Text({ minLength: 2, maxLength: 10000 }),
  receivedOn: DateOnly,
  repeatOf: Type.Optional(Id),
});
export type RegisterClue = Static<typeof RegisterClue>;

/** POST /api/complaints/:id/clue — content and identity come from the complaint. */
export const ComplaintToClue = Body({
  category: ClueCategory,
  ...ReportedPerson,
  summary: Text({ minLength: 2, maxLength: 200 }),
});
export type ComplaintToClue = Static<typeof ComplaintToClue>;

export const ClueScopeDecision = Body({
  decision: ClueScopeDecisionKind,
  /** Required for not_accept; optional otherwise. */
  reason: Type.Optional(Text({ minLength: 2, maxLength: 2000 })),
  /** Required for forward_up / forward_down: the receiving body. */
  recipient: Type.Optional(Plain({ maxLength: 100 })),
  /** Required for repeat: the original clue (on the caller's list). */
  originalId: Type.Optional(Id),
});
export type ClueScopeDecision = Static<typeof ClueScopeDecision>;

export const ClueForwardAck = Body({ acknowledgedOn: DateOnly, note: Type.Optional(Text({ maxLength: 1000 })) });

export const ClueAccessEntry = Type.Object({ id: Id, account: Ref, role: ClueAccessRole, addedBy: NullableRef, addedAt: Timestamp });
export const ClueAccessList = Type.Object({ items: Type.Array(ClueAccessEntry) });
export const AddClueAccess = Body({ accountId: Id, role: Type.Enum(['handler', 'approver', 'owner'] as const) });
export const ClueAccessParams = Type.Object({ id: Id, entryId: Id }, { additionalProperties: false });
export const ClueAttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });

export const RequestClueIdentity = Body({ reason: Text({ minLength: 2, maxLength: 500 }), purpose: Type.Optional(ClueIdentityPurpose) });
/** The custodian queue: no content, no reported person, no reporter. */
export const ClueIdentityRequest = Type.Object({
  id: Id,
  clue: CodeRef,
  requester: Ref,
  reason: Type.String(),
  purpose: ClueIdentityPurpose,
  status: ClueIdentityRequestStatus,
  requestedAt: Timestamp,
  decidedBy: NullableRef,
  decidedAt: NullableTimestamp,
  decisionReason: NullableString,
  grantUntil: NullableTimestamp,
});
export type ClueIdentityRequest = Static<typeof ClueIdentityRequest>;
export const ClueIdentityRequestQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(ClueIdentityRequestStatus) },
  { additionalProperties: false },
);
export const ClueIdentityRequestPage = Paged(ClueIdentityRequest);
export const DecideClueIdentity = Body({ approve: Type.Boolean(), reason: Text({ minLength: 2, maxLength: 500 }) });
export const ViewClueIdentity = Body({ purpose: Plain({ minLength: 2, maxLength: 100 }) });
export const ClueReporterIdentity = Type.Object({ name: Type.String(), mobile: NullableString, unit: NullableString, grantUntil: Timestamp });
export type ClueReporterIdentity = Static<typeof ClueReporterIdentity>;

export const ClueStatsQuery = Type.Object(
  { year: Year, quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })) },
  { additionalProperties: false },
);
const Count = Type.Object({ key: Type.String(), count: Type.Integer() });
/** Counts of the caller's own clues received in the period. */
export const ClueStats = Type.Object({
  year: Type.Integer(),
  quarter: Type.Union([Type.Integer(), Type.Null()]),
  total: Type.Integer(),
  bySource: Type.Array(Count),
  byMethod: Type.Array(Count),
  byForm: Type.Array(Count),
  byCategory: Type.Array(Count),
});
export type ClueStats = Static<typeof ClueStats>;

/** GET /api/clues/:id/referral.docx|.xlsx */
export const ClueReferralQuery = Type.Object({ recipient: Type.Optional(Plain({ maxLength: 100 })) }, { additionalProperties: false });

// ---- signed step log (B) ----
export const ClueStep = Type.Object({
  seq: Type.Integer(),
  id: Id,
  at: Timestamp,
  kind: ClueStepKind,
  actor: NullableRef,
  /** Structured values, dates, enums and SM3 hashes of free text. */
  facts: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
  signed: Type.Boolean(),
});
export type ClueStep = Static<typeof ClueStep>;
export const ClueStepList = Type.Object({ items: Type.Array(ClueStep) });
export const ClueStepProblem = Type.Object({ seq: Type.Integer(), kind: Type.Enum(['gap', 'hash', 'signature', 'key', 'head'] as const) });
export const ClueStepVerification = Type.Object({ ok: Type.Boolean(), steps: Type.Integer(), problems: Type.Array(ClueStepProblem) });
export type ClueStepVerification = Static<typeof ClueStepVerification>;
export const ClueStepParams = Type.Object({ id: Id, seq: Type.Integer({ minimum: 1, maximum: 1000000 }) }, { additionalProperties: false });
export const ClueStepSignature = Type.Object({ message: Type.String(), signature: Type.String(), publicKeyPem: Type.String() });

// ---- disposal (C) ----
export const ClueProposal = Body({ method: ClueMethod, reason: Text({ minLength: 2, maxLength: 2000 }) });
export const ClueStudy = Body({
  meetingOn: DateOnly,
  attendees: Type.Array(Id, { minItems: 1, maxItems: 30, uniqueItems: true }),
  opinions: Type.Array(Body({ accountId: Id, opinion: Text({ minLength: 1, maxLength: 1000 }) }), { maxItems: 30 }),
  conclusion: Text({ minLength: 2, maxLength: 2000 }),
});
export const ClueApproval = Body({ approve: Type.Boolean(), note: Text({ minLength: 0, maxLength: 1000 }), higherBody: Type.Optional(Plain({ maxLength: 100 })) });
export const ClueTalkPlan = Body({ mode: Type.Enum(['talk', 'letter'] as const), plannedOn: DateOnly, note: Text({ minLength: 2, maxLength: 2000 }) });
export const ClueTalk = Body({
  heldOn: DateOnly,
  place: Plain({ maxLength: 100 }),
  interviewers: Type.Array(Id, { minItems: 2, maxItems: 10, uniqueItems: true }),
  intervieweeSigned: Type.Literal(true),
  record: Text({ minLength: 2, maxLength: 10000 }),
});
export const ClueLetter = Body({ sentOn: DateOnly });
export const ClueReply = Body({ receivedOn: DateOnly, content: Text({ minLength: 2, maxLength: 10000 }), endorsedBy: Plain({ maxLength: 60 }), endorsedOn: DateOnly });
export const ClueSpotCheckDraw = Body({ year: Year, quarter: Type.Integer({ minimum: 1, maximum: 4 }) });
export const ClueSpotCheckDrawResult = Type.Object({ year: Type.Integer(), quarter: Type.Integer(), percent: Type.Integer(), population: Type.Integer(), drawn: Type.Array(CodeRef) });
export const ClueSpotCheck = Body({ result: Text({ minLength: 2, maxLength: 2000 }), consistent: Type.Boolean() });
export const ClueCheckPlan = Body({ deadline: Type.Optional(DateOnly), plan: Text({ minLength: 2, maxLength: 5000 }) });
export const ClueCheckExtension = Body({ newDeadline: DateOnly, reason: Text({ minLength: 2, maxLength: 1000 }) });
export const ClueCheckFindings = Body({ findings: Text({ minLength: 2, maxLength: 10000 }) });
export const ClueCheckReport = Body({ report: Text({ minLength: 2, maxLength: 10000 }) });
export const ClueShelve = Body({ reason: Text({ minLength: 2, maxLength: 2000 }), reviewOn: DateOnly });
export const ClueReview = Body({ note: Text({ minLength: 2, maxLength: 2000 }) });
export const ClueCloseNoAction = Body({ reason: Type.Enum(['false', 'unverifiable', 'other'] as const), note: Text({ minLength: 2, maxLength: 2000 }) });
export const ClueTransfer = Body({ recipient: Plain({ maxLength: 100 }), note: Text({ minLength: 0, maxLength: 2000 }) });
export const ClueOutcome = Body({
  form: ClueForm,
  /** A code from the tenant's measure catalogue for this form (contracts/clue-measures.ts, C). */
  measure: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
  effectFrom: Type.Optional(DateOnly),
  note: Text({ minLength: 0, maxLength: 2000 }),
  rectification: Type.Optional(Body({
    title: Plain({ maxLength: 100 }),
    problem: Text({ minLength: 2, maxLength: 2000 }),
    orgId: Id,
    ownerId: Id,
    days: Type.Integer({ minimum: 1, maximum: 365 }),
  })),
});
export const ClueClose = Body({ note: Type.Optional(Text({ maxLength: 1000 })) });
export const ClueNotice = Body({
  kind: ClueNoticeKind,
  toldOn: DateOnly,
  method: ClueNoticeMethod,
  note: Text({ minLength: 0, maxLength: 1000 }),
  /** Result notice only: the reporter asks for the retaliation check-in. */
  retaliationCheckOptIn: Type.Optional(Type.Boolean()),
});
export const ClueNoticeParams = Type.Object({ id: Id, kind: ClueNoticeKind }, { additionalProperties: false });
/** Letter text for the reporter: no 纪检 name anywhere. */
export const ClueNoticeLetter = Type.Object({ kind: ClueNoticeKind, text: Type.String() });
export const ClueObjection = Body({ receivedOn: DateOnly, content: Text({ minLength: 2, maxLength: 5000 }) });
export const ClueCheckin = Body({ doneOn: DateOnly, note: Text({ minLength: 0, maxLength: 2000 }), retaliation: Type.Boolean() });

/** GET /api/people/:id/discipline-records — nothing about the clue or the reporter. */
export const DisciplineRecord = Type.Object({
  id: Id,
  form: ClueForm,
  measure: Type.String(),
  effectFrom: NullableDate,
  effectUntil: NullableDate,
  recordedOn: DateOnly,
});
export const DisciplineRecordList = Type.Object({ items: Type.Array(DisciplineRecord) });

export type ClueForm = Static<typeof ClueForm>;
export type ClueNoticeMethod = Static<typeof ClueNoticeMethod>;
export type ClueIdentityRequestStatus = Static<typeof ClueIdentityRequestStatus>;
export type ClueClockKind = Static<typeof ClueClockKind>;
export type CluePage = Static<typeof CluePage>;
export type ClueScope = Static<typeof ClueScope>;
export type ClueAttachment = Static<typeof ClueAttachment>;
export type ClueIdentityState = Static<typeof ClueIdentityState>;
export type ClueReporter = Static<typeof ClueReporter>;
export type ClueForwardAck = Static<typeof ClueForwardAck>;
export type ClueAccessEntry = Static<typeof ClueAccessEntry>;
export type ClueAccessList = Static<typeof ClueAccessList>;
export type AddClueAccess = Static<typeof AddClueAccess>;
export type ClueAccessParams = Static<typeof ClueAccessParams>;
export type ClueAttachmentParams = Static<typeof ClueAttachmentParams>;
export type RequestClueIdentity = Static<typeof RequestClueIdentity>;
export type ClueIdentityRequestQuery = Static<typeof ClueIdentityRequestQuery>;
export type ClueIdentityRequestPage = Static<typeof ClueIdentityRequestPage>;
export type DecideClueIdentity = Static<typeof DecideClueIdentity>;
export type ViewClueIdentity = Static<typeof ViewClueIdentity>;
export type ClueStatsQuery = Static<typeof ClueStatsQuery>;
export type ClueReferralQuery = Static<typeof ClueReferralQuery>;
export type ClueStepList = Static<typeof ClueStepList>;
export type ClueStepProblem = Static<typeof ClueStepProblem>;
export type ClueStepParams = Static<typeof ClueStepParams>;
export type ClueStepSignature = Static<typeof ClueStepSignature>;
export type ClueProposal = Static<typeof ClueProposal>;
export type ClueStudy = Static<typeof ClueStudy>;
export type ClueApproval = Static<typeof ClueApproval>;
export type ClueTalkPlan = Static<typeof ClueTalkPlan>;
export type ClueTalk = Static<typeof ClueTalk>;
export type ClueLetter = Static<typeof ClueLetter>;
export type ClueReply = Static<typeof ClueReply>;
export type ClueSpotCheckDraw = Static<typeof ClueSpotCheckDraw>;
export type ClueSpotCheckDrawResult = Static<typeof ClueSpotCheckDrawResult>;
export type ClueSpotCheck = Static<typeof ClueSpotCheck>;
export type ClueCheckPlan = Static<typeof ClueCheckPlan>;
export type ClueCheckExtension = Static<typeof ClueCheckExtension>;
export type ClueCheckFindings = Static<typeof ClueCheckFindings>;
export type ClueCheckReport = Static<typeof ClueCheckReport>;
export type ClueShelve = Static<typeof ClueShelve>;
export type ClueReview = Static<typeof ClueReview>;
export type ClueCloseNoAction = Static<typeof ClueCloseNoAction>;
export type ClueTransfer = Static<typeof ClueTransfer>;
export type ClueOutcome = Static<typeof ClueOutcome>;
export type ClueClose = Static<typeof ClueClose>;
export type ClueNotice = Static<typeof ClueNotice>;
export type ClueNoticeParams = Static<typeof ClueNoticeParams>;
export type ClueNoticeLetter = Static<typeof ClueNoticeLetter>;
export type ClueObjection = Static<typeof ClueObjection>;
export type ClueCheckin = Static<typeof ClueCheckin>;
export type DisciplineRecord = Static<typeof DisciplineRecord>;
export type DisciplineRecordList = Static<typeof DisciplineRecordList>;
