import type { Grade, SubjectKind } from '../../../contracts/assessment.js';

export interface AssessmentRubricTable {
  tenant_id: string;
  id: string;
  year: number;
  name: string;
  subject_kind: SubjectKind;
  status: 'draft' | 'published';
  /** RubricDefinition as JSON. */
  definition: string;
  max_total_centi: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** One subject (a unit or a leader) under one rubric; totals in hundredths of a point. */
export interface AssessmentTable {
  tenant_id: string;
  id: string;
  rubric_id: string;
  year: number;
  subject_kind: SubjectKind;
  /** The org id of a unit, the person id of a leader: one assessment per subject and rubric. */
  subject_key: string;
  org_id: string;
  person_id: string | null;
  status: 'self' | 'review' | 'grading' | 'approved';
  self_total_centi: number | null;
  review_total_centi: number | null;
  final_total_centi: number | null;
  grade: Grade | null;
  computed_grade: Grade | null;
  approval_note: string;
  approved_by: string | null;
  approved_at: string | null;
  /** FeedValue[] as JSON, read at launch or the last refresh. */
  feeds: string;
  feeds_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentSheetTable {
  tenant_id: string;
  id: string;
  assessment_id: string;
  stage: 'self' | 'review';
  /** The Sheet as JSON. */
  data: string;
  locked: 0 | 1;
  saved_by: string | null;
  saved_at: string;
}

export interface AssessmentEventTable {
  tenant_id: string;
  id: string;
  assessment_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  note: string;
}

export interface AssessmentTables {
  assessment_rubric: AssessmentRubricTable;
  assessment: AssessmentTable;
  assessment_sheet: AssessmentSheetTable;
  assessment_event: AssessmentEventTable;
}
