import type { Static } from 'typebox';
import { http, type Query } from './http';
import type { Page } from './types';
import type { AppLocale } from '../i18n/messages';
import type {
  AnswerComplaint,
  AssignComplaint,
  Catalogue as CatalogueSchema,
  Complaint as ComplaintSchema,
  ComplaintCategory,
  ComplaintChannel as ComplaintChannelSchema,
  ComplaintEvent as ComplaintEventSchema,
  ComplaintExtension,
  ComplaintMatter,
  ComplaintQuery,
  ComplaintStats as ComplaintStatsSchema,
  ComplaintStatsQuery as ComplaintStatsQuerySchema,
  ComplaintStatsRow as ComplaintStatsRowSchema,
  ComplaintSummary,
  ComplaintToRectification as ComplaintToRectificationSchema,
  DecideComplaintExtension,
  IntakeComplaint,
  Rating,
  Receipt as ReceiptSchema,
  ReporterIdentity as ReporterIdentitySchema,
  SaveCategory as SaveCategorySchema,
  SaveMatter as SaveMatterSchema,
  UpdateCategory as UpdateCategorySchema,
  UpdateMatter as UpdateMatterSchema,
} from '../../../../contracts/complaints';

export type { ComplaintCategory, ComplaintMatter, ComplaintQuery, ComplaintSummary, IntakeComplaint, Rating };
export type { ComplaintStatus } from '../../../../contracts/complaints';
export type Complaint = Static<typeof ComplaintSchema>;
export type ComplaintChannel = Static<typeof ComplaintChannelSchema>;
export type ComplaintEvent = Static<typeof ComplaintEventSchema>;
export type ComplaintExtensionItem = Complaint['extensionList'][number];
export type Catalogue = Static<typeof CatalogueSchema>;
export type Receipt = Static<typeof ReceiptSchema>;
export type ReporterIdentity = Static<typeof ReporterIdentitySchema>;
export type ComplaintStats = Static<typeof ComplaintStatsSchema>;
export type ComplaintStatsRow = Static<typeof ComplaintStatsRowSchema>;
export type ComplaintStatsQuery = Static<typeof ComplaintStatsQuerySchema>;
export type StatsDimension = ComplaintStatsQuery['by'];
export type ComplaintToRectification = Static<typeof ComplaintToRectificationSchema>;
export type SaveCategory = Static<typeof SaveCategorySchema>;
export type UpdateCategory = Static<typeof UpdateCategorySchema>;
export type SaveMatter = Static<typeof SaveMatterSchema>;
export type UpdateMatter = Static<typeof UpdateMatterSchema>;
export type SummaryPeriod = 'week' | 'month';

const base = '/api/complaints';
const item = (id: string) => `${base}/${id}`;
const catalogue = '/api/complaint-catalogue';
const withoutPaging = (q: ComplaintQuery): Query => ({ ...(q as Query), page: undefined, pageSize: undefined });

export const complaintsApi = {
  list: (q: ComplaintQuery) => http.get<Page<ComplaintSummary>>(base, q as Query),
  get: (id: string) => http.get<Complaint>(item(id)),
  /** 登记: answers with the receipt code, which the server keeps only as a slow hash. */
  intake: (body: Static<typeof IntakeComplaint>) => http.create<Receipt>(base, body),
  assign: (id: string, body: Static<typeof AssignComplaint>) => http.post<Complaint>(`${item(id)}/assign`, body),
  dispatch: (id: string, note?: string) => http.post<Complaint>(`${item(id)}/dispatch`, { note }),
  accept: (id: string, note?: string) => http.post<Complaint>(`${item(id)}/accept`, { note }),
  answer: (id: string, body: Static<typeof AnswerComplaint>) => http.post<Complaint>(`${item(id)}/answer`, body),
  redo: (id: string, note: string) => http.post<Complaint>(`${item(id)}/redo`, { note }),
  close: (id: string, note?: string) => http.post<Complaint>(`${item(id)}/close`, { note }),
  reject: (id: string, reason: string) => http.post<Complaint>(`${item(id)}/reject`, { reason }),
  note: (id: string, body: string) => http.post<Complaint>(`${item(id)}/notes`, { body }),
  message: (id: string, body: string) => http.post<Complaint>(`${item(id)}/messages`, { body }),
  requestExtension: (id: string, body: Static<typeof ComplaintExtension>) => http.post<Complaint>(`${item(id)}/extensions`, body),
  decideExtension: (id: string, extensionId: string, body: Static<typeof DecideComplaintExtension>) =>
    http.post<Complaint>(`${item(id)}/extensions/${extensionId}/decision`, body),
  revealIdentity: (id: string, reason: string) => http.post<ReporterIdentity>(`${item(id)}/identity`, { reason }),
  link: (id: string, otherId: string) => http.post<Complaint>(`${item(id)}/link`, { otherId }),
  toRectification: (id: string, body: ComplaintToRectification) => http.post<Complaint>(`${item(id)}/rectification`, body),
  export: (q: ComplaintQuery, lang: AppLocale) => http.download(`${base}/export.xlsx`, { ...withoutPaging(q), lang }, 'complaints.xlsx'),
  stats: (q: ComplaintStatsQuery) => http.get<ComplaintStats>(`${base}/stats`, q as Query),
  summaryExport: (period: SummaryPeriod, date: string, lang: AppLocale) =>
    http.download(`${base}/stats/export.xlsx`, { period, date, lang }, `complaints-${period}-${date}.xlsx`),
  catalogue: () => http.get<Catalogue>(catalogue),
  createCategory: (body: SaveCategory) => http.create<ComplaintCategory>(`${catalogue}/categories`, body),
  updateCategory: (id: string, body: UpdateCategory) => http.patch<ComplaintCategory>(`${catalogue}/categories/${id}`, body),
  createMatter: (body: SaveMatter) => http.create<ComplaintMatter>(`${catalogue}/matters`, body),
  updateMatter: (id: string, body: UpdateMatter) => http.patch<ComplaintMatter>(`${catalogue}/matters/${id}`, body),
};
