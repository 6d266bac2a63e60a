import type { Static } from 'typebox';
import { http, type Query } from './http';
import type { Page } from './types';
import type {
  AddFinding,
  Checklist,
  CreateChecklist,
  CreatePlan,
  CreateRecord,
  DeclareDraw,
  DrawPool,
  DrawSelection,
  DrawVerification,
  ExecuteDraw,
  FindingToRectification,
  InspectionPlan,
  InspectionRecord,
  PlanQuery,
  RandomDraw,
  RecordSummary,
  SaveResults,
  UpdateChecklist,
  UpdatePlan,
  VerifyDraw,
  checklistCategories,
  inspectionKinds,
  PlanStatus as PlanStatusSchema,
  ResultValue as ResultValueSchema,
} from '../../../../contracts/inspections';

export type {
  AddFinding, Checklist, CreateChecklist, CreatePlan, CreateRecord, DeclareDraw, DrawPool, DrawSelection, DrawVerification, FindingToRectification,
  InspectionPlan, InspectionRecord, PlanQuery, RandomDraw, RecordSummary, SaveResults, UpdateChecklist, UpdatePlan, VerifyDraw,
};
export type ChecklistCategory = (typeof checklistCategories)[number];
export type InspectionKind = (typeof inspectionKinds)[number];
export type PlanStatus = Static<typeof PlanStatusSchema>;
export type ResultValue = Static<typeof ResultValueSchema>;
export type RecordResult = InspectionRecord['results'][number];
export type Finding = InspectionRecord['findings'][number];

const plan = (id: string) => `/api/inspection-plans/${id}`;
const record = (id: string) => `/api/inspection-records/${id}`;
const draw = (id: string) => `/api/inspection-draws/${id}`;

export const checklistsApi = {
  list: () => http.get<{ items: Checklist[] }>('/api/checklists'),
  get: (id: string) => http.get<Checklist>(`/api/checklists/${id}`),
  create: (body: CreateChecklist) => http.create<Checklist>('/api/checklists', body),
  update: (id: string, body: UpdateChecklist) => http.patch<Checklist>(`/api/checklists/${id}`, body),
};

export const plansApi = {
  list: (q: PlanQuery) => http.get<Page<InspectionPlan>>('/api/inspection-plans', q as Query),
  get: (id: string) => http.get<InspectionPlan>(plan(id)),
  create: (body: CreatePlan) => http.create<InspectionPlan>('/api/inspection-plans', body),
  update: (id: string, body: UpdatePlan) => http.patch<InspectionPlan>(plan(id), body),
  records: (id: string) => http.get<{ items: RecordSummary[] }>(`${plan(id)}/records`),
  createRecord: (id: string, body: CreateRecord) => http.create<InspectionRecord>(`${plan(id)}/records`, body),
};

export const recordsApi = {
  get: (id: string) => http.get<InspectionRecord>(record(id)),
  saveResults: (id: string, body: SaveResults) => http.put<InspectionRecord>(`${record(id)}/results`, body),
  addFinding: (id: string, body: AddFinding) => http.post<InspectionRecord>(`${record(id)}/findings`, body),
  rectify: (id: string, findingId: string, body: FindingToRectification) => http.post<InspectionRecord>(`${record(id)}/findings/${findingId}/rectification`, body),
};

export const drawsApi = {
  list: (planId?: string) => http.get<{ items: RandomDraw[] }>('/api/inspection-draws', { planId }),
  get: (id: string) => http.get<RandomDraw>(draw(id)),
  declare: (body: DeclareDraw) => http.create<RandomDraw>('/api/inspection-draws', body),
  execute: (id: string, body: ExecuteDraw) => http.post<RandomDraw>(`${draw(id)}/draw`, body),
  verify: (body: VerifyDraw) => http.post<DrawVerification>('/api/inspection-draws/verify', body),
};
