import { http, type Query } from './http';
import type {
  AddMeasure,
  CreateRectification,
  ImportReport,
  Page,
  Rectification,
  RectificationOrgSummary,
  RectificationQuery,
  RectificationSummary,
  UpdateRectification,
} from './types';
import type { AppLocale } from '../i18n/messages';

const base = '/api/rectification';
const item = (id: string) => `${base}/${id}`;
const withoutPaging = (q: RectificationQuery): Query => ({ ...(q as Query), page: undefined, pageSize: undefined });

export const rectificationApi = {
  list: (q: RectificationQuery) => http.get<Page<RectificationSummary>>(base, q as Query),
  summary: (q: RectificationQuery) => http.get<RectificationOrgSummary>(`${base}/summary`, withoutPaging(q)),
  get: (id: string) => http.get<Rectification>(item(id)),
  create: (body: CreateRectification) => http.create<Rectification>(base, body),
  update: (id: string, body: UpdateRectification) => http.patch<Rectification>(item(id), body),
  start: (id: string, note?: string) => http.post<Rectification>(`${item(id)}/start`, { note }),
  addMeasure: (id: string, body: AddMeasure) => http.post<Rectification>(`${item(id)}/measures`, body),
  updateMeasure: (id: string, measureId: string, body: { status: 'open' | 'done'; note?: string }) =>
    http.patch<Rectification>(`${item(id)}/measures/${measureId}`, body),
  addEvidence: (id: string, measureId: string, body: { attachmentIds: string[]; note?: string }) =>
    http.post<Rectification>(`${item(id)}/measures/${measureId}/evidence`, body),
  submit: (id: string, note?: string) => http.post<Rectification>(`${item(id)}/submit`, { note }),
  verify: (id: string, body: { pass: boolean; note?: string }) => http.post<Rectification>(`${item(id)}/verify`, body),
  requestExtension: (id: string, body: { days: number; reason: string }) => http.post<Rectification>(`${item(id)}/extensions`, body),
  decideExtension: (id: string, extensionId: string, body: { approve: boolean; note?: string }) =>
    http.post<Rectification>(`${item(id)}/extensions/${extensionId}/decision`, body),
  reopen: (id: string, body: { note: string; days: number }) => http.post<Rectification>(`${item(id)}/reopen`, body),
  export: (q: RectificationQuery, lang: AppLocale) => http.download(`${base}/export.xlsx`, { ...withoutPaging(q), lang }, 'rectification-ledger.xlsx'),
  template: (lang: AppLocale) => http.download(`${base}/import-template.xlsx`, { lang }, 'problem-list-template.xlsx'),
  import: (file: File) => http.upload<ImportReport>(`${base}/import`, file),
};
