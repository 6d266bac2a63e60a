import { http, type Query } from './http';
import type { Page } from './types';
import type { AppLocale } from '../i18n/messages';
import type {
  CreateDutyLetterTemplate,
  DualDuty,
  DualDutyList,
  DutyBoard,
  DutyLetter,
  DutyLetterQuery,
  DutyLetterSignatureExport,
  DutyLetterSummary,
  DutyLetterTemplate,
  DutyLetterTemplateQuery,
  DutyProposal,
  IssueDutyLetters,
  IssueResult,
  MyDutyLetters,
  MyDutyLettersQuery,
  ReviseDutyLetter,
  UpdateDutyLetter,
  UpdateDutyLetterTemplate,
} from '../../../../contracts/duty-letters';

export type {
  DualDuty,
  DualDutyList,
  DutyBoard,
  DutyLetter,
  DutyLetterParty,
  DutyLetterQuery,
  DutyLetterSignatureExport,
  DutyLetterStatus,
  DutyLetterSummary,
  DutyLetterTemplate,
  DutyLevel,
  DutyProposal,
  ProposedLetter,
  CreateDutyLetterTemplate,
  IssueDutyLetters,
} from '../../../../contracts/duty-letters';

const templates = '/api/duty-letter-templates';
const letters = '/api/duty-letters';
const letter = (id: string) => `${letters}/${id}`;

export const dutyLettersApi = {
  templates: (q: DutyLetterTemplateQuery) => http.get<Page<DutyLetterTemplate>>(templates, q as Query),
  createTemplate: (body: CreateDutyLetterTemplate) => http.create<DutyLetterTemplate>(templates, body),
  updateTemplate: (id: string, body: UpdateDutyLetterTemplate) => http.patch<DutyLetterTemplate>(`${templates}/${id}`, body),
  removeTemplate: (id: string) => http.del<{ ok: true }>(`${templates}/${id}`),
  proposal: (year: number) => http.get<DutyProposal>(`${letters}/proposal`, { year }),
  issue: (body: IssueDutyLetters) => http.create<IssueResult>(`${letters}/issue`, body),
  list: (q: DutyLetterQuery) => http.get<Page<DutyLetterSummary>>(letters, q as Query),
  mine: (q: MyDutyLettersQuery) => http.get<MyDutyLetters>(`${letters}/mine`, q as Query),
  board: (year: number, orgId?: string) => http.get<DutyBoard>(`${letters}/board`, { year, orgId }),
  exportBoard: (year: number, orgId: string | undefined, lang: AppLocale) =>
    http.download(`${letters}/board/export.xlsx`, { year, orgId, lang }, `duty-letters-${year}.xlsx`),
  get: (id: string) => http.get<DutyLetter>(letter(id)),
  update: (id: string, body: UpdateDutyLetter) => http.patch<DutyLetter>(letter(id), body),
  withdraw: (id: string) => http.del<{ ok: true }>(letter(id)),
  sign: (id: string, contentHash: string) => http.post<DutyLetter>(`${letter(id)}/sign`, { contentHash }),
  revise: (id: string, body: ReviseDutyLetter) => http.post<DutyLetter>(`${letter(id)}/revise`, body),
  docx: (id: string, code: string, lang: AppLocale) => http.download(`${letter(id)}/letter.docx`, { lang }, `${code}.docx`),
  signature: (id: string, partyId: string) => http.get<DutyLetterSignatureExport>(`${letter(id)}/parties/${partyId}/signature`),
  dualDutyList: (year: number) => http.get<DualDutyList>('/api/dual-duty', { year }),
  dualDuty: (personId: string, year: number) => http.get<DualDuty>(`/api/dual-duty/${personId}`, { year }),
};
