import type { DutyRecurrence, DutyReportStatus, DutyTaskStatus } from '../../../contracts/duty-tasks.js';

export interface DutyPlanTable {
  tenant_id: string;
  id: string;
  year: number;
  title: string;
  /** The issuing org: top-level tasks are assigned by it. */
  org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DutyTaskTable {
  tenant_id: string;
  id: string;
  plan_id: string;
  parent_id: string | null;
  /** Position among its siblings, from 1. */
  seq: number;
  /** 序号 "2.1.3", kept with the tree so lists sort and filter without walking it. */
  number: string;
  /** The seqs zero-padded ("0002.0001.0003"): tree order as text order. */
  sort_key: string;
  depth: number;
  title: string;
  description: string;
  leader_person_id: string | null;
  org_id: string;
  /** The parent's org, or the plan's for a top-level task: its duty:manage holders review reports. */
  assigner_org_id: string;
  owner_person_id: string | null;
  deadline: string;
  /** JSON array of evidence_form dictionary codes. */
  evidence_forms: string;
  weight: number;
  recurrence: DutyRecurrence;
  /** Accepted progress (leaf), occurrence mean (recurring) or weighted roll-up (parent), in 1/100 %. */
  progress_bp: number;
  status: DutyTaskStatus;
  /** Earliest due date still open; null when completed. Overdue ⇔ due_date < today. */
  due_date: string | null;
  completed_at: string | null;
  /** 1 once a due date passed with the work not done (the assessment counts it even if finished later). */
  missed: number;
  child_count: number;
  pending_reports: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DutyTaskCoOrgTable {
  tenant_id: string;
  task_id: string;
  org_id: string;
}

export interface DutyTaskOccurrenceTable {
  tenant_id: string;
  id: string;
  task_id: string;
  seq: number;
  period: string;
  due_date: string;
  progress_bp: number;
  pending_reports: number;
  completed_at: string | null;
}

export interface DutyTaskReportTable {
  tenant_id: string;
  id: string;
  task_id: string;
  occurrence_id: string | null;
  percent: number;
  note: string;
  status: DutyReportStatus;
  reported_by: string | null;
  reported_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  comment: string;
}

export interface DutyTaskEvidenceTable {
  tenant_id: string;
  id: string;
  task_id: string;
  report_id: string;
  attachment_id: string;
}

export interface DutyTaskEventTable {
  tenant_id: string;
  id: string;
  task_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  note: string;
  dedupe: string | null;
}

export interface DutyTasksTables {
  duty_plan: DutyPlanTable;
  duty_task: DutyTaskTable;
  duty_task_co_org: DutyTaskCoOrgTable;
  duty_task_occurrence: DutyTaskOccurrenceTable;
  duty_task_report: DutyTaskReportTable;
  duty_task_evidence: DutyTaskEvidenceTable;
  duty_task_event: DutyTaskEventTable;
}
