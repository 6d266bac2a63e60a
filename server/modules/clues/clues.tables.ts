import type { ClueAccessRole, ClueCategory, ClueMethod, ClueReportedLevel, ClueScopeDecisionKind, ClueSource, ClueStatus, ClueIdentityPurpose } from '../../../contracts/clues.js';

/**
 * A clue. Every free-text or identifying field is an SM4 envelope with AAD `clue:<field>:<id>`; a forward
 * up erases them (erased_at). method … disposal_due are kept by the disposal services for the ledgers.
 */
export interface ClueTable {
  tenant_id: string;
  id: string;
  code: string;
  year: number;
  seq: number;
  source: ClueSource;
  named: 0 | 1;
  category: ClueCategory;
  status: ClueStatus;
  received_on: string;
  registered_at: string;
  registered_by: string | null;
  reported_person_id: string | null;
  reported_name_enc: string | null;
  reported_org_id: string;
  reported_level: ClueReportedLevel;
  summary_enc: string | null;
  content_enc: string | null;
  reporter_name_enc: string | null;
  reporter_mobile_enc: string | null;
  reporter_unit_enc: string | null;
  repeat_of: string | null;
  complaint_id: string | null;
  scope_decision: ClueScopeDecisionKind | null;
  scope_decided_on: string | null;
  scope_decided_by: string | null;
  scope_reason_enc: string | null;
  forward_recipient: string | null;
  forward_ack_due: string | null;
  forward_ack_on: string | null;
  forward_ack_note_enc: string | null;
  erased_at: string | null;
  method: ClueMethod | null;
  outcome_form: number | null;
  outcome_measure: string | null;
  closed_on: string | null;
  acceptance_notice_on: string | null;
  result_notice_on: string | null;
  disposal_due: string | null;
  disposal_due_kind: string | null;
  step_count: number;
  step_head: string | null;
  updated_at: string;
}

/** The need-to-know list; a removed entry keeps its row (removed_at) as the record of who once had access. */
export interface ClueAccessTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  account_id: string;
  role: ClueAccessRole;
  added_by: string | null;
  added_at: string;
  removed_by: string | null;
  removed_at: string | null;
}

export interface ClueIdentityRequestTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  requester_id: string;
  purpose: ClueIdentityPurpose;
  reason_enc: string;
  status: 'pending' | 'approved' | 'refused';
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason_enc: string | null;
  grant_until: string | null;
}

/** 借阅登记: each view of a reporter's identity. */
export interface ClueIdentityViewTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  request_id: string;
  account_id: string;
  purpose_enc: string;
  at: string;
}

export interface CluesTables {
  clue: ClueTable;
  clue_access: ClueAccessTable;
  clue_identity_request: ClueIdentityRequestTable;
  clue_identity_view: ClueIdentityViewTable;
}
