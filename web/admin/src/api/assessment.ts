import { http, type Query } from './http';
import type { Page } from './types';
import type { AppLocale } from '../i18n/messages';
import type {
  Approve,
  Assessment as AssessmentAnswer,
  AssessmentList,
  AssessmentQuery,
  AssessmentSummary,
  CompareQuery,
  Comparison,
  FeedList,
  LaunchAssessments,
  Rubric as RubricAnswer,
  RubricQuery,
  RubricSummary,
  Sheet,
  SubjectKind,
} from '../../../../contracts/assessment';

export type {
  AssessmentAction,
  AssessmentStatus,
  AssessmentSummary,
  Comparison,
  FeedValue,
  Grade,
  RubricSummary,
  ScoreResult,
  Sheet,
  SheetItem,
  SheetView,
  SubjectKind,
} from '../../../../contracts/assessment';

/*
 * The rubric's parts with codes as strings: the contract's code and feed patterns leave TypeBox's static
 * type unknown, while the server answers (and accepts) plain strings there.
 */
export interface DeductionRule {
  code: string;
  name: string;
  points: number;
  cap: number | null;
  feed: string | null;
}
export type BonusRule = DeductionRule;
export interface Indicator {
  code: string;
  name: string;
  maxScore: number;
  scoring: 'awarded' | 'deducted';
  memberAveraged: boolean;
  guidance: string;
  deductions: DeductionRule[];
}
export interface Section {
  code: string;
  name: string;
  maxScore: number;
  indicators: Indicator[];
}
export interface VetoItem {
  code: string;
  name: string;
}
export interface RubricDefinition {
  sections: Section[];
  bonuses: BonusRule[];
  bonusCap: number;
  vetoes: VetoItem[];
}
export type Rubric = Omit<RubricAnswer, 'definition'> & { definition: RubricDefinition };
export type Assessment = Omit<AssessmentAnswer, 'definition'> & { definition: RubricDefinition };

/** What the builder saves: year, name, subject kind and the definition. */
export interface SaveRubric {
  year: number;
  name: string;
  subjectKind: SubjectKind;
  definition: RubricDefinition;
}

const base = '/api/assessment';
const rubric = (id: string) => `${base}/rubrics/${id}`;
const one = (id: string) => `${base}/assessments/${id}`;

export const assessmentApi = {
  feeds: () => http.get<FeedList>(`${base}/feeds`),
  rubrics: (q: RubricQuery) => http.get<Page<RubricSummary>>(`${base}/rubrics`, q as Query),
  rubric: (id: string) => http.get<Rubric>(rubric(id)),
  createRubric: (body: SaveRubric) => http.create<Rubric>(`${base}/rubrics`, body),
  saveRubric: (id: string, body: SaveRubric) => http.put<Rubric>(rubric(id), body),
  publish: (id: string) => http.post<Rubric>(`${rubric(id)}/publish`),
  copy: (id: string, year: number, name?: string) => http.post<Rubric>(`${rubric(id)}/copy`, { year, name }),
  launch: (id: string, body: LaunchAssessments) => http.post<AssessmentList>(`${rubric(id)}/assessments`, body),
  list: (q: AssessmentQuery) => http.get<Page<AssessmentSummary>>(`${base}/assessments`, q as Query),
  get: (id: string) => http.get<Assessment>(one(id)),
  saveSelf: (id: string, sheet: Sheet) => http.put<Assessment>(`${one(id)}/self`, sheet),
  submitSelf: (id: string) => http.post<Assessment>(`${one(id)}/submit-self`),
  saveReview: (id: string, sheet: Sheet) => http.put<Assessment>(`${one(id)}/review`, sheet),
  submitReview: (id: string) => http.post<Assessment>(`${one(id)}/submit-review`),
  approve: (id: string, body: Approve) => http.post<Assessment>(`${one(id)}/approve`, body),
  returnBack: (id: string, note: string) => http.post<Assessment>(`${one(id)}/return`, { note }),
  refreshFeeds: (id: string) => http.post<Assessment>(`${one(id)}/refresh-feeds`),
  exportPay: (year: number, subjectKind: SubjectKind | undefined, lang: AppLocale) =>
    http.download(`${base}/export.xlsx`, { year, subjectKind, lang }, `assessment-pay-${year}.xlsx`),
  compare: (q: CompareQuery) => http.get<Comparison>(`${base}/compare`, q as Query),
};
