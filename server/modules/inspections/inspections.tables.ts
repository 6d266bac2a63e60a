export interface ChecklistTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  category: 'eight_rules' | 'three_major' | 'three_public' | 'custom';
  builtin: 0 | 1;
  enabled: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface ChecklistItemTable {
  tenant_id: string;
  id: string;
  checklist_id: string;
  seq: number;
  text: string;
  guidance: string;
  /** Replaced items stay (results point at them) but no longer belong to the current list. */
  retired: 0 | 1;
}

export interface InspectionPlanTable {
  tenant_id: string;
  id: string;
  title: string;
  kind: 'routine' | 'random_check' | 'unannounced_visit';
  subject: string;
  checklist_id: string;
  period_start: string;
  period_end: string;
  status: 'draft' | 'active' | 'completed';
  draw_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionPlanOrgTable {
  tenant_id: string;
  plan_id: string;
  org_id: string;
}

export interface InspectionPlanInspectorTable {
  tenant_id: string;
  plan_id: string;
  person_id: string;
}

export interface InspectionRecordTable {
  tenant_id: string;
  id: string;
  plan_id: string;
  org_id: string;
  inspected_on: string;
  unannounced: 0 | 1;
  summary: string;
  status: 'draft' | 'submitted';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionRecordInspectorTable {
  tenant_id: string;
  record_id: string;
  person_id: string;
}

export interface InspectionResultTable {
  tenant_id: string;
  id: string;
  record_id: string;
  checklist_item_id: string;
  result: 'pass' | 'fail' | 'na';
  note: string;
}

export interface InspectionFindingTable {
  tenant_id: string;
  id: string;
  record_id: string;
  checklist_item_id: string | null;
  description: string;
  rectification_id: string | null;
  created_by: string | null;
  created_at: string;
}

/**
 * A 双随机 draw. Pool and commitment are fixed when declared; the seed is revealed and the selection stored
 * exactly once (database triggers refuse any later change).
 */
export interface RandomDrawTable {
  tenant_id: string;
  id: string;
  plan_id: string | null;
  purpose: string;
  algorithm: string;
  pool: string;
  commitment: string;
  /** The secret seed, encrypted until it is revealed by the draw. */
  seed_enc: string;
  status: 'committed' | 'drawn';
  seed: string | null;
  public_entropy: string | null;
  selection: string | null;
  committed_by: string | null;
  committed_at: string;
  drawn_by: string | null;
  drawn_at: string | null;
}

export interface InspectionsTables {
  checklist: ChecklistTable;
  checklist_item: ChecklistItemTable;
  inspection_plan: InspectionPlanTable;
  inspection_plan_org: InspectionPlanOrgTable;
  inspection_plan_inspector: InspectionPlanInspectorTable;
  inspection_record: InspectionRecordTable;
  inspection_record_inspector: InspectionRecordInspectorTable;
  inspection_result: InspectionResultTable;
  inspection_finding: InspectionFindingTable;
  random_draw: RandomDrawTable;
}
