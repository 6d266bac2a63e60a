import type { Static } from 'typebox';
import { http, type Query } from './http';
import type { Page } from './types';
import type { AppLocale } from '../i18n/messages';
import type { ClueMeasureCatalogue } from '../../../../contracts/clue-measures';
import type {
  AddClueAccess as AddClueAccessSchema,
  Clue,
  ClueAccessEntry as ClueAccessEntrySchema,
  ClueAccessList as ClueAccessListSchema,
  ClueApproval as ClueApprovalSchema,
  ClueCategory,
  ClueCheckExtension as ClueCheckExtensionSchema,
  ClueCheckFindings as ClueCheckFindingsSchema,
  ClueCheckPlan as ClueCheckPlanSchema,
  ClueCheckReport as ClueCheckReportSchema,
  ClueCheckin as ClueCheckinSchema,
  ClueClock,
  ClueClose as ClueCloseSchema,
  ClueCloseNoAction as ClueCloseNoActionSchema,
  ClueDisposal,
  ClueExportQuery,
  ClueForwardAck as ClueForwardAckSchema,
  ClueIdentityRequest,
  ClueIdentityRequestQuery as ClueIdentityRequestQuerySchema,
  ClueIdentityRequestStatus as ClueIdentityRequestStatusSchema,
  ClueLedger,
  ClueLetter as ClueLetterSchema,
  ClueMethod,
  ClueNotice as ClueNoticeSchema,
  ClueNoticeKind,
  ClueNoticeLetter as ClueNoticeLetterSchema,
  ClueObjection as ClueObjectionSchema,
  ClueOutcome as ClueOutcomeSchema,
  ClueProposal as ClueProposalSchema,
  ClueQuery,
  ClueReferralQuery as ClueReferralQuerySchema,
  ClueReply as ClueReplySchema,
  ClueReportedLevel,
  ClueReporterIdentity,
  ClueReview as ClueReviewSchema,
  ClueScopeDecision,
  ClueShelve as ClueShelveSchema,
  ClueSource,
  ClueSpotCheck as ClueSpotCheckSchema,
  ClueSpotCheckDraw as ClueSpotCheckDrawSchema,
  ClueSpotCheckDrawResult as ClueSpotCheckDrawResultSchema,
  ClueStats,
  ClueStatsQuery as ClueStatsQuerySchema,
  ClueStatus,
  ClueStep,
  ClueStepList as ClueStepListSchema,
  ClueStepSignature as ClueStepSignatureSchema,
  ClueStepVerification,
  ClueStudy as ClueStudySchema,
  ClueSummary,
  ClueTalk as ClueTalkSchema,
  ClueTalkPlan as ClueTalkPlanSchema,
  ClueTransfer as ClueTransferSchema,
  ComplaintToClue,
  RegisterClue,
  RequestClueIdentity as RequestClueIdentitySchema,
  ViewClueIdentity as ViewClueIdentitySchema,
} from '../../../../contracts/clues';

export type {
  Clue,
  ClueCategory,
  ClueClock,
  ClueDisposal,
  ClueExportQuery,
  ClueIdentityRequest,
  ClueLedger,
  ClueMethod,
  ClueNoticeKind,
  ClueQuery,
  ClueReportedLevel,
  ClueReporterIdentity,
  ClueScopeDecision,
  ClueSource,
  ClueStats,
  ClueStatus,
  ClueStep,
  ClueStepVerification,
  ClueSummary,
  ComplaintToClue,
  RegisterClue,
};
export type ClueAccessEntry = Static<typeof ClueAccessEntrySchema>;
export type ClueAccessList = Static<typeof ClueAccessListSchema>;
export type AddClueAccess = Static<typeof AddClueAccessSchema>;
export type ClueForwardAck = Static<typeof ClueForwardAckSchema>;
export type ClueIdentityRequestQuery = Static<typeof ClueIdentityRequestQuerySchema>;
export type ClueIdentityRequestStatus = Static<typeof ClueIdentityRequestStatusSchema>;
export type RequestClueIdentity = Static<typeof RequestClueIdentitySchema>;
export type ViewClueIdentity = Static<typeof ViewClueIdentitySchema>;
export type ClueStatsQuery = Static<typeof ClueStatsQuerySchema>;
export type ClueReferralQuery = Static<typeof ClueReferralQuerySchema>;
export type ClueStepList = Static<typeof ClueStepListSchema>;
export type ClueStepSignature = Static<typeof ClueStepSignatureSchema>;
export type ClueProposal = Static<typeof ClueProposalSchema>;
export type ClueStudy = Static<typeof ClueStudySchema>;
export type ClueApproval = Static<typeof ClueApprovalSchema>;
export type ClueTalkPlan = Static<typeof ClueTalkPlanSchema>;
export type ClueTalk = Static<typeof ClueTalkSchema>;
export type ClueLetter = Static<typeof ClueLetterSchema>;
export type ClueReply = Static<typeof ClueReplySchema>;
export type ClueSpotCheckDraw = Static<typeof ClueSpotCheckDrawSchema>;
export type ClueSpotCheckDrawResult = Static<typeof ClueSpotCheckDrawResultSchema>;
export type ClueSpotCheck = Static<typeof ClueSpotCheckSchema>;
export type ClueCheckPlan = Static<typeof ClueCheckPlanSchema>;
export type ClueCheckExtension = Static<typeof ClueCheckExtensionSchema>;
export type ClueCheckFindings = Static<typeof ClueCheckFindingsSchema>;
export type ClueCheckReport = Static<typeof ClueCheckReportSchema>;
export type ClueShelve = Static<typeof ClueShelveSchema>;
export type ClueReview = Static<typeof ClueReviewSchema>;
export type ClueCloseNoAction = Static<typeof ClueCloseNoActionSchema>;
export type ClueTransfer = Static<typeof ClueTransferSchema>;
export type ClueOutcome = Static<typeof ClueOutcomeSchema>;
export type ClueClose = Static<typeof ClueCloseSchema>;
export type ClueNotice = Static<typeof ClueNoticeSchema>;
export type ClueNoticeLetter = Static<typeof ClueNoticeLetterSchema>;
export type ClueObjection = Static<typeof ClueObjectionSchema>;
export type ClueCheckin = Static<typeof ClueCheckinSchema>;

const base = '/api/clues';
const item = (id: string) => `${base}/${id}`;
const requests = '/api/clue-identity-requests';

/** Every route of contracts/clues.ts. A clue off the caller's access list answers 404 everywhere. */
export const cluesApi = {
  list: (q: ClueQuery) => http.get<Page<ClueSummary>>(base, q as Query),
  /** The export takes the list's filters without paging or search; identities are masked by the server. */
  export: (q: ClueExportQuery, lang: AppLocale) => http.download(`${base}/export.xlsx`, { ...(q as Query), lang }, `clues-${q.ledger ?? 'register'}.xlsx`),
  stats: (q: ClueStatsQuery) => http.get<ClueStats>(`${base}/stats`, q as Query),
  statsExport: (q: ClueStatsQuery, lang: AppLocale) => http.download(`${base}/stats/export.xlsx`, { ...(q as Query), lang }, `clue-stats-${q.year}${q.quarter ? `-q${q.quarter}` : ''}.xlsx`),
  register: (body: RegisterClue) => http.create<Clue>(base, body),
  fromComplaint: (complaintId: string, body: ComplaintToClue) => http.create<Clue>(`/api/complaints/${complaintId}/clue`, body),
  get: (id: string) => http.get<Clue>(item(id)),
  attach: (id: string, file: File) => http.upload<Clue>(`${item(id)}/attachments`, file),
  downloadAttachment: (id: string, attachmentId: string, name: string) => http.download(`${item(id)}/attachments/${attachmentId}`, undefined, name),
  scope: (id: string, body: ClueScopeDecision) => http.post<Clue>(`${item(id)}/scope`, body),
  forwardAck: (id: string, body: ClueForwardAck) => http.post<Clue>(`${item(id)}/forward-ack`, body),
  access: (id: string) => http.get<ClueAccessList>(`${item(id)}/access`),
  addAccess: (id: string, body: AddClueAccess) => http.post<ClueAccessList>(`${item(id)}/access`, body),
  removeAccess: (id: string, entryId: string) => http.del<ClueAccessList>(`${item(id)}/access/${entryId}`),
  requestIdentity: (id: string, body: RequestClueIdentity) => http.post<ClueIdentityRequest>(`${item(id)}/identity-requests`, body),
  /** The custodian queue: clue number, requester and reason only. */
  identityRequests: (q: ClueIdentityRequestQuery) => http.get<Page<ClueIdentityRequest>>(requests, q as Query),
  decideIdentity: (requestId: string, body: { approve: boolean; reason: string }) => http.post<ClueIdentityRequest>(`${requests}/${requestId}/decision`, body),
  /** Each call is a logged view (借阅登记) against a live grant. */
  viewIdentity: (id: string, body: ViewClueIdentity) => http.post<ClueReporterIdentity>(`${item(id)}/identity`, body),
  /** The packet is in Chinese unless `lang` asks for English. */
  referral: (id: string, format: 'docx' | 'xlsx', lang?: AppLocale, q: ClueReferralQuery = {}) =>
    http.download(`${item(id)}/referral.${format}`, { ...(q as Query), lang }, `referral.${format}`),
  steps: (id: string) => http.get<ClueStepList>(`${item(id)}/steps`),
  verifySteps: (id: string) => http.get<ClueStepVerification>(`${item(id)}/steps/verify`),
  stepSignature: (id: string, seq: number) => http.get<ClueStepSignature>(`${item(id)}/steps/${seq}/signature`),
  propose: (id: string, body: ClueProposal) => http.post<Clue>(`${item(id)}/proposal`, body),
  study: (id: string, body: ClueStudy) => http.post<Clue>(`${item(id)}/study`, body),
  approve: (id: string, body: ClueApproval) => http.post<Clue>(`${item(id)}/approval`, body),
  planTalk: (id: string, body: ClueTalkPlan) => http.post<Clue>(`${item(id)}/talk-inquiry/plan`, body),
  talk: (id: string, body: ClueTalk) => http.post<Clue>(`${item(id)}/talk-inquiry/talk`, body),
  letter: (id: string, body: ClueLetter) => http.post<Clue>(`${item(id)}/talk-inquiry/letter`, body),
  reply: (id: string, body: ClueReply) => http.post<Clue>(`${item(id)}/talk-inquiry/reply`, body),
  /** The tenant's configured 四种形态 measures (clue:manage), for the outcome form. */
  measures: () => http.get<ClueMeasureCatalogue>(`${base}/measures`),
  drawSpotChecks: (body: ClueSpotCheckDraw) => http.post<ClueSpotCheckDrawResult>(`${base}/spot-checks/draw`, body),
  spotCheck: (id: string, body: ClueSpotCheck) => http.post<Clue>(`${item(id)}/spot-check`, body),
  planCheck: (id: string, body: ClueCheckPlan) => http.post<Clue>(`${item(id)}/preliminary-check/plan`, body),
  extendCheck: (id: string, body: ClueCheckExtension) => http.post<Clue>(`${item(id)}/preliminary-check/extension`, body),
  checkFindings: (id: string, body: ClueCheckFindings) => http.post<Clue>(`${item(id)}/preliminary-check/findings`, body),
  checkReport: (id: string, body: ClueCheckReport) => http.post<Clue>(`${item(id)}/preliminary-check/report`, body),
  shelve: (id: string, body: ClueShelve) => http.post<Clue>(`${item(id)}/shelve`, body),
  review: (id: string, body: ClueReview) => http.post<Clue>(`${item(id)}/review`, body),
  closeNoAction: (id: string, body: ClueCloseNoAction) => http.post<Clue>(`${item(id)}/close-no-action`, body),
  transfer: (id: string, body: ClueTransfer) => http.post<Clue>(`${item(id)}/transfer`, body),
  outcome: (id: string, body: ClueOutcome) => http.post<Clue>(`${item(id)}/outcome`, body),
  close: (id: string, body: ClueClose = {}) => http.post<Clue>(`${item(id)}/close`, body),
  notice: (id: string, body: ClueNotice) => http.post<Clue>(`${item(id)}/notices`, body),
  noticeLetter: (id: string, kind: ClueNoticeKind) => http.get<ClueNoticeLetter>(`${item(id)}/notices/${kind}/letter`),
  objection: (id: string, body: ClueObjection) => http.post<Clue>(`${item(id)}/objection`, body),
  checkin: (id: string, body: ClueCheckin) => http.post<Clue>(`${item(id)}/checkins`, body),
};
