import { http, type Query } from './http';
import type { ImportReport, Page } from './types';
import type { AppLocale } from '../i18n/messages';
import type {
  CreateDutyPlan,
  CreateDutyTask,
  DecomposeDutyTask,
  DutyPlan,
  DutyPlanQuery,
  DutyPlanSummary,
  DutyPlanTasks,
  DutyTask,
  DutyTaskQuery,
  DutyTaskSummary,
  ReportDutyProgress,
  UpdateDutyTask,
} from '../../../../contracts/duty-tasks';

export type {
  CreateDutyTask,
  DutyChildTask,
  DutyOccurrence,
  DutyPlan,
  DutyPlanSummary,
  DutyPlanTasks,
  DutyRecurrence,
  DutyReport,
  DutyTask,
  DutyTaskAction,
  DutyTaskQuery,
  DutyTaskStatus,
  DutyTaskSummary,
  UpdateDutyTask,
} from '../../../../contracts/duty-tasks';

const plans = '/api/duty-plans';
const tasks = '/api/duty-tasks';
const task = (id: string) => `${tasks}/${id}`;

export const dutyTasksApi = {
  plans: (q: DutyPlanQuery) => http.get<Page<DutyPlan>>(plans, q as Query),
  createPlan: (body: CreateDutyPlan) => http.create<DutyPlan>(plans, body),
  planTasks: (id: string) => http.get<DutyPlanTasks>(`${plans}/${id}/tasks`),
  planSummary: (id: string) => http.get<DutyPlanSummary>(`${plans}/${id}/summary`),
  exportPlan: (id: string, year: number, lang: AppLocale) => http.download(`${plans}/${id}/export.xlsx`, { lang }, `duty-tasks-${year}.xlsx`),
  template: (lang: AppLocale) => http.download(`${plans}/import-template.xlsx`, { lang }, 'duty-task-breakdown-template.xlsx'),
  importPlan: (id: string, file: File) => http.upload<ImportReport>(`${plans}/${id}/import`, file),
  list: (q: DutyTaskQuery) => http.get<Page<DutyTaskSummary>>(tasks, q as Query),
  get: (id: string) => http.get<DutyTask>(task(id)),
  create: (body: CreateDutyTask) => http.create<DutyTask>(tasks, body),
  update: (id: string, body: UpdateDutyTask) => http.patch<DutyTask>(task(id), body),
  remove: (id: string) => http.del<{ ok: true }>(task(id)),
  decompose: (id: string, body: DecomposeDutyTask) => http.post<DutyTask>(`${task(id)}/decompose`, body),
  report: (id: string, body: ReportDutyProgress) => http.post<DutyTask>(`${task(id)}/reports`, body),
  accept: (id: string, reportId: string, comment?: string) => http.post<DutyTask>(`${task(id)}/reports/${reportId}/accept`, { comment }),
  returnReport: (id: string, reportId: string, comment: string) => http.post<DutyTask>(`${task(id)}/reports/${reportId}/return`, { comment }),
};
