import { Type, type Static } from 'typebox';
import { Body, DateOnly, Id, PageQuery, Paged, Plain, Text, Timestamp, Year } from './common.js';

/**
 * 党风廉政建设责任书 (issue 6): templates, a year's issuance, electronic signing by every party, the signing
 * board, the archive, and the 一岗双责 view. A letter's content is fixed when it is issued and hashed (SM3);
 * each party signs `qingfeng-duty-letter|<tenant>|<letterId>|<contentHash>|<signedAt>` with SM2. Once every
 * party has signed the letter is immutable: a change is a revision, i.e. a new letter naming the old one.
 *
 * Routes (permission):
 *   GET    /api/duty-letter-templates                     (duty:read)   DutyLetterTemplateQuery → DutyLetterTemplatePage
 *   POST   /api/duty-letter-templates                     (duty:manage) CreateDutyLetterTemplate → 201 DutyLetterTemplate
 *   GET    /api/duty-letter-templates/:id                 (duty:read)   → DutyLetterTemplate
 *   PATCH  /api/duty-letter-templates/:id                 (duty:manage) UpdateDutyLetterTemplate → DutyLetterTemplate
 *   DELETE /api/duty-letter-templates/:id                 (duty:manage) → Ok; 409 STATE_INVALID once used
 *   GET    /api/duty-letters/proposal                     (duty:manage) DutyProposalQuery → DutyProposal
 *   POST   /api/duty-letters/issue                        (duty:manage) IssueDutyLetters → 201 IssueResult
 *   GET    /api/duty-letters                              (duty:read)   DutyLetterQuery → DutyLetterPage
 *   GET    /api/duty-letters/mine                         (duty:sign)   MyDutyLettersQuery → MyDutyLetters
 *   GET    /api/duty-letters/board                        (duty:read)   DutyBoardQuery → DutyBoard
 *   GET    /api/duty-letters/board/export.xlsx            (duty:read)   DutyBoardExportQuery → .xlsx
 *   GET    /api/duty-letters/:id                          (duty:read)   → DutyLetter (its parties always see it)
 *   PATCH  /api/duty-letters/:id                          (duty:manage) UpdateDutyLetter → DutyLetter; 409 once anyone signed
 *   DELETE /api/duty-letters/:id                          (duty:manage) → Ok (withdraw); 409 once anyone signed
 *   POST   /api/duty-letters/:id/sign                     (duty:sign)   SignDutyLetter → DutyLetter; 409 if signed already or hash differs
 *   POST   /api/duty-letters/:id/revise                   (duty:manage) ReviseDutyLetter → 201 DutyLetter (the new one)
 *   GET    /api/duty-letters/:id/letter.docx              (duty:read)   DocxQuery → .docx
 *   GET    /api/duty-letters/:id/parties/:partyId/signature (duty:read) → DutyLetterSignatureExport; 404 until signed
 *   GET    /api/dual-duty                                 (duty:read)   DualDutyQuery → DualDutyList
 *   GET    /api/dual-duty/:personId                       (duty:read)   DualDutyQuery → DualDuty
 * Scope: a letter belongs to its org; duty:read with `self` scope (staff) reaches the letters one is a party to.
 */

/** 局 (书记 ↔ 班子成员), 局属单位, 机关股室, 党支部 — the levels the board counts 签订率 for. */
export const dutyLevels = ['bureau', 'unit', 'section', 'branch'] as const;
export const DutyLevel = Type.Enum(dutyLevels);
export type DutyLevel = (typeof dutyLevels)[number];

/** issued: nobody has signed yet (still editable); signing: some parties have; signed: all have (immutable). */
export const dutyLetterStatuses = ['issued', 'signing', 'signed'] as const;
export const DutyLetterStatus = Type.Enum(dutyLetterStatuses);
export type DutyLetterStatus = (typeof dutyLetterStatuses)[number];


const Ref = Type.Object({ id: Id, name: Type.String() });
const Lang = Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const));

// ---- templates ----------------------------------------------------------------------------------------

/** `{year}` in the title, preamble, duties and closing is replaced by the letter's year when it is issued. */
export const DutyLetterTemplate = Type.Object({
  id: Id,
  name: Type.String(),
  /** The level the template is meant for (the issuance page preselects it), or null for any. */
  level: Type.Union([DutyLevel, Type.Null()]),
  title: Type.String(),
  preamble: Type.String(),
  duties: Type.Array(Type.String()),
  closing: Type.String(),
  /** One label per signature block, in party order (e.g. 甲方 (签字) / 乙方 (签字)). */
  signatureLabels: Type.Array(Type.String()),
  /** Letters issued from it; a used template cannot be deleted. */
  letterCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DutyLetterTemplate = Static<typeof DutyLetterTemplate>;

const templateFields = {
  name: Plain({ maxLength: 60 }),
  level: Type.Union([DutyLevel, Type.Null()]),
  title: Plain({ maxLength: 100 }),
  preamble: Text({ maxLength: 3000 }),
  duties: Type.Array(Text({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 60 }),
  closing: Text({ maxLength: 2000 }),
  signatureLabels: Type.Array(Plain({ maxLength: 30 }), { minItems: 2, maxItems: 6 }),
};

export const CreateDutyLetterTemplate = Body({
  name: templateFields.name,
  level: Type.Optional(templateFields.level),
  title: templateFields.title,
  preamble: Type.Optional(templateFields.preamble),
  duties: templateFields.duties,
  closing: Type.Optional(templateFields.closing),
  signatureLabels: templateFields.signatureLabels,
});
export type CreateDutyLetterTemplate = Static<typeof CreateDutyLetterTemplate>;

export const UpdateDutyLetterTemplate = Body({
  name: Type.Optional(templateFields.name),
  level: Type.Optional(templateFields.level),
  title: Type.Optional(templateFields.title),
  preamble: Type.Optional(templateFields.preamble),
  duties: Type.Optional(templateFields.duties),
  closing: Type.Optional(templateFields.closing),
  signatureLabels: Type.Optional(templateFields.signatureLabels),
});
export type UpdateDutyLetterTemplate = Static<typeof UpdateDutyLetterTemplate>;

export const DutyLetterTemplateQuery = Type.Object({ ...PageQuery, level: Type.Optional(DutyLevel) }, { additionalProperties: false });
export type DutyLetterTemplateQuery = Static<typeof DutyLetterTemplateQuery>;
export const DutyLetterTemplatePage = Paged(DutyLetterTemplate);
export type DutyLetterTemplatePage = Static<typeof DutyLetterTemplatePage>;

// ---- issuance -----------------------------------------------------------------------------------------

export const DutyProposalQuery = Type.Object({ year: Year }, { additionalProperties: false });
export type DutyProposalQuery = Static<typeof DutyProposalQuery>;

export const ProposedParty = Type.Object({
  person: Ref,
  /** A party without an account cannot sign electronically: issuing such a letter is refused. */
  hasAccount: Type.Boolean(),
});

/**
 * One letter the issuance would create, worked out from the leadership (leader, leader_oversight) and org
 * heads: 书记 (first leader by sort) ↔ each 班子成员 (level bureau); each 局属单位: 书记 on behalf of the 局,
 * its overseeing member if any, its head; each 党支部: its overseeing member (else 书记) ↔ its secretary; each
 * other org a member oversees: the member ↔ its head. The head of an org is a person, not a leadership member,
 * whose account holds a business role scoped to exactly that org or its subtree (unit_head, branch_secretary first).
 */
export const ProposedLetter = Type.Object({
  level: DutyLevel,
  org: Type.Object({ id: Id, name: Type.String(), kind: Type.String() }),
  parties: Type.Array(ProposedParty),
  /** The current letter of this year for the same org and parties, if one was issued already. */
  existingLetterId: Type.Union([Id, Type.Null()]),
});
export type ProposedLetter = Static<typeof ProposedLetter>;

export const DutyProposal = Type.Object({
  year: Year,
  items: Type.Array(ProposedLetter),
  /** Orgs a member oversees for which no head was found: the issuer adds those letters by hand. */
  unresolved: Type.Array(Type.Object({ level: DutyLevel, org: Ref, overseenBy: Ref })),
});
export type DutyProposal = Static<typeof DutyProposal>;

export const IssueLetter = Type.Object(
  {
    templateId: Id,
    level: DutyLevel,
    /** The org whose 党风廉政建设 responsibility the letter covers (its data scope). */
    orgId: Id,
    /** In signature-block order: the first is the issuing side (甲方). */
    partyPersonIds: Type.Array(Id, { minItems: 2, maxItems: 6, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type IssueLetter = Static<typeof IssueLetter>;

/** Issues all letters or none: a letter whose parties already hold a current one for the year is a DUPLICATE. */
export const IssueDutyLetters = Body({ year: Year, letters: Type.Array(IssueLetter, { minItems: 1, maxItems: 500 }) });
export type IssueDutyLetters = Static<typeof IssueDutyLetters>;
export const IssueResult = Type.Object({ created: Type.Integer(), ids: Type.Array(Id) });
export type IssueResult = Static<typeof IssueResult>;

// ---- letters ------------------------------------------------------------------------------------------

export const DutyLetterParty = Type.Object({
  id: Id,
  seq: Type.Integer(),
  label: Type.String(),
  person: Ref,
  /** The org the person signs for (their primary org when issued). */
  orgName: Type.String(),
  signedAt: Type.Union([Timestamp, Type.Null()]),
  /** Whether this party is the caller. */
  mine: Type.Boolean(),
});
export type DutyLetterParty = Static<typeof DutyLetterParty>;

export const DutyLetterSummary = Type.Object({
  id: Id,
  /** ZRS-2026-0001, numbered per year. */
  code: Type.String(),
  year: Year,
  level: DutyLevel,
  org: Ref,
  title: Type.String(),
  status: DutyLetterStatus,
  parties: Type.Array(DutyLetterParty),
  signedCount: Type.Integer(),
  partyCount: Type.Integer(),
  revisionOf: Type.Union([Id, Type.Null()]),
  /** The revision that replaced this letter; a superseded letter no longer counts on the board. */
  supersededBy: Type.Union([Id, Type.Null()]),
  issuedAt: Timestamp,
  signedAt: Type.Union([Timestamp, Type.Null()]),
});
export type DutyLetterSummary = Static<typeof DutyLetterSummary>;

export const DutyLetterSignature = Type.Object({
  partyId: Id,
  signedAt: Timestamp,
  /** Signer's SM2 public key, uncompressed point, hex. */
  publicKey: Type.String(),
  /** The signature checks against the letter's current content hash and a key the account held then. */
  valid: Type.Boolean(),
});

export const DutyLetter = Type.Object({
  ...DutyLetterSummary.properties,
  template: Ref,
  preamble: Type.String(),
  duties: Type.Array(Type.String()),
  closing: Type.String(),
  /** SM3 of the canonical content, hex: what every party signs. */
  contentHash: Type.String(),
  signatures: Type.Array(DutyLetterSignature),
  revisionReason: Type.String(),
  /** What the caller may do now: sign, edit, withdraw, revise. */
  actions: Type.Array(Type.Enum(['sign', 'edit', 'withdraw', 'revise'] as const)),
});
export type DutyLetter = Static<typeof DutyLetter>;

export const DutyLetterQuery = Type.Object(
  {
    ...PageQuery,
    year: Type.Optional(Year),
    level: Type.Optional(DutyLevel),
    status: Type.Optional(DutyLetterStatus),
    orgId: Type.Optional(Id),
    personId: Type.Optional(Id),
    /** Superseded letters are left out unless asked for. */
    includeSuperseded: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DutyLetterQuery = Static<typeof DutyLetterQuery>;
export const DutyLetterPage = Paged(DutyLetterSummary);
export type DutyLetterPage = Static<typeof DutyLetterPage>;

/** The caller's own letters (the phone page): those still waiting for the caller's signature first. */
export const MyDutyLettersQuery = Type.Object({ pending: Type.Optional(Type.Boolean()), year: Type.Optional(Year) }, { additionalProperties: false });
export type MyDutyLettersQuery = Static<typeof MyDutyLettersQuery>;
export const MyDutyLetters = Type.Object({ items: Type.Array(DutyLetterSummary) });
export type MyDutyLetters = Static<typeof MyDutyLetters>;

const letterFields = {
  title: Type.Optional(Plain({ maxLength: 100 })),
  preamble: Type.Optional(Text({ maxLength: 3000 })),
  duties: Type.Optional(Type.Array(Text({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 60 })),
  closing: Type.Optional(Text({ maxLength: 2000 })),
};

/** Only while nobody has signed; otherwise 409 STATE_INVALID (revise instead once signed). */
export const UpdateDutyLetter = Body(letterFields);
export type UpdateDutyLetter = Static<typeof UpdateDutyLetter>;

/** A new letter with the same parties, replacing one that someone has signed; the old one stays as it was. */
export const ReviseDutyLetter = Body({ ...letterFields, reason: Text({ minLength: 2, maxLength: 500 }) });
export type ReviseDutyLetter = Static<typeof ReviseDutyLetter>;

/** The hash the signer was shown: if the letter changed meanwhile the signature is refused (409 STATE_INVALID). */
export const SignDutyLetter = Body({ contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export type SignDutyLetter = Static<typeof SignDutyLetter>;

export const DutyLetterPartyParams = Type.Object({ id: Id, partyId: Id }, { additionalProperties: false });
export type DutyLetterPartyParams = Static<typeof DutyLetterPartyParams>;

/** For `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678`: message as-is, DER signature base64, SPKI PEM. */
export const DutyLetterSignatureExport = Type.Object({ message: Type.String(), signature: Type.String(), publicKeyPem: Type.String() });
export type DutyLetterSignatureExport = Static<typeof DutyLetterSignatureExport>;

export const DocxQuery = Type.Object({ lang: Lang }, { additionalProperties: false });

// ---- signing board ------------------------------------------------------------------------------------

export const DutyBoardQuery = Type.Object({ year: Year, orgId: Type.Optional(Id) }, { additionalProperties: false });
export type DutyBoardQuery = Static<typeof DutyBoardQuery>;
export const DutyBoardExportQuery = Type.Object({ year: Year, orgId: Type.Optional(Id), lang: Lang }, { additionalProperties: false });

/** 签订率 = fully signed / issued, current letters only, 0–1 (0 when none issued). */
export const DutyBoardCell = Type.Object({ total: Type.Integer(), signed: Type.Integer(), rate: Type.Number() });
export const DutyBoard = Type.Object({
  year: Year,
  levels: Type.Array(Type.Object({ level: DutyLevel, ...DutyBoardCell.properties })),
  orgs: Type.Array(Type.Object({ org: Ref, level: DutyLevel, ...DutyBoardCell.properties })),
  totals: DutyBoardCell,
});
export type DutyBoard = Static<typeof DutyBoard>;

// ---- 一岗双责 ------------------------------------------------------------------------------------------

export const DualDutyQuery = Type.Object({ year: Year }, { additionalProperties: false });
export type DualDutyQuery = Static<typeof DualDutyQuery>;
export const DualDutyParams = Type.Object({ personId: Id }, { additionalProperties: false });
export type DualDutyParams = Static<typeof DualDutyParams>;

export const DualDutyCounts = Type.Object({
  letters: Type.Integer(),
  lettersSigned: Type.Integer(),
  tasks: Type.Integer(),
  tasksOverdue: Type.Integer(),
  rectificationOpen: Type.Integer(),
  rectificationOverdue: Type.Integer(),
});
export type DualDutyCounts = Static<typeof DualDutyCounts>;

/** Every leadership member the caller can see, with the figures of their area. */
export const DualDutyList = Type.Object({
  year: Year,
  items: Type.Array(Type.Object({ person: Ref, leaderId: Id, title: Type.String(), oversees: Type.Array(Ref), counts: DualDutyCounts })),
});
export type DualDutyList = Static<typeof DualDutyList>;

export const DualDutyTask = Type.Object({
  id: Id,
  title: Type.String(),
  org: Ref,
  leadPerson: Type.Union([Ref, Type.Null()]),
  deadline: Type.Union([DateOnly, Type.Null()]),
  /** 0–100. */
  progress: Type.Number(),
  status: Type.String(),
  overdue: Type.Boolean(),
  /** The member leads it (责任领导) rather than it belonging to an org they oversee. */
  own: Type.Boolean(),
});
export type DualDutyTask = Static<typeof DualDutyTask>;

export const DualDutyRectification = Type.Object({
  id: Id,
  code: Type.String(),
  title: Type.String(),
  org: Ref,
  status: Type.String(),
  dueDate: DateOnly,
  overdue: Type.Boolean(),
});
export type DualDutyRectification = Static<typeof DualDutyRectification>;

/** One page for one member: the orgs they oversee, their letters, tasks, overdue items, rectification in their area. */
export const DualDuty = Type.Object({
  year: Year,
  person: Ref,
  leader: Type.Union([Type.Object({ id: Id, title: Type.String() }), Type.Null()]),
  oversees: Type.Array(Type.Object({ id: Id, name: Type.String(), kind: Type.String() })),
  letters: Type.Array(DutyLetterSummary),
  tasks: Type.Array(DualDutyTask),
  rectification: Type.Array(DualDutyRectification),
  counts: DualDutyCounts,
});
export type DualDuty = Static<typeof DualDuty>;
