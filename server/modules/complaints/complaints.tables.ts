import type { ComplaintStatus } from '../../../contracts/complaints.js';

export interface ComplaintCategoryTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  name_en: string;
  description: string;
  enabled: 0 | 1;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface ComplaintMatterTable {
  tenant_id: string;
  id: string;
  category_id: string;
  name: string;
  description: string;
  responsible_org_id: string;
  assign_days: number | null;
  answer_days: number | null;
  enabled: 0 | 1;
  sort: number;
  created_at: string;
  updated_at: string;
}

/**
 * A complaint. Content, reporter identity, answer and reasons are SM4 envelopes bound to the row; the
 * receipt code exists only as a slow hash; no address, user agent or cookie of the reporter is kept.
 */
export interface ComplaintTable {
  tenant_id: string;
  id: string;
  code: string;
  year: number;
  seq: number;
  channel: 'portal' | 'phone' | 'letter' | 'visit' | 'referral';
  category_id: string;
  matter_id: string;
  org_id: string;
  responsible_org_id: string | null;
  status: ComplaintStatus;
  content_enc: string;
  happened_on: string | null;
  anonymous: 0 | 1;
  reporter_name_enc: string | null;
  reporter_mobile_enc: string | null;
  referral_source: string;
  receipt_hash: string;
  /** Complaints about the same matter share a case; each keeps its own code and reporter. */
  case_id: string | null;
  answer_enc: string | null;
  rejection_reason_enc: string | null;
  submitted_at: string;
  assigned_at: string | null;
  dispatched_at: string | null;
  accepted_at: string | null;
  answered_at: string | null;
  rated_at: string | null;
  closed_at: string | null;
  rejected_at: string | null;
  /** Answer due date (from 交办, in working days, moved by approved extensions). */
  due_date: string | null;
  extensions: number;
  redos: number;
  dissatisfied: number;
  intake_by: string | null;
  updated_at: string;
  /** Set when the complaint became a clue (问题线索); never shown on the complaint. */
  clue_id: string | null;
}

export interface ComplaintEventTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  /** Encrypted: notes can quote the complaint. */
  note_enc: string | null;
  visibility: 'public' | 'internal';
}

/** Two-way messages (public) and handlers' notes (internal), all encrypted. */
export interface ComplaintMessageTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  author: 'reporter' | 'handler';
  author_user_id: string | null;
  body_enc: string;
  visibility: 'public' | 'internal';
  at: string;
}

export interface ComplaintRatingTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  round: number;
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  comment_enc: string | null;
  at: string;
}

export interface ComplaintExtensionTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  days: number;
  reason: string;
  status: 'requested' | 'approved' | 'rejected';
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
}

/** Who may never handle a complaint and why (the accused org's chain, people named in it). */
export interface ComplaintRecusalTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  person_id: string;
  reason: 'accused_org_chain' | 'named';
  at: string;
}

export interface ComplaintNamedPersonTable {
  tenant_id: string;
  complaint_id: string;
  person_id: string;
}

/** A reporter's short session after entering the receipt code once; only the token's hash is stored. */
export interface ComplaintReporterSessionTable {
  id: string;
  tenant_id: string;
  complaint_id: string;
  created_at: string;
  expires_at: string;
}

export interface ComplaintIdentityViewTable {
  tenant_id: string;
  id: string;
  complaint_id: string;
  user_id: string;
  reason: string;
  at: string;
}

export interface ComplaintsTables {
  complaint_category: ComplaintCategoryTable;
  complaint_matter: ComplaintMatterTable;
  complaint: ComplaintTable;
  complaint_event: ComplaintEventTable;
  complaint_message: ComplaintMessageTable;
  complaint_rating: ComplaintRatingTable;
  complaint_extension: ComplaintExtensionTable;
  complaint_recusal: ComplaintRecusalTable;
  complaint_named_person: ComplaintNamedPersonTable;
  complaint_reporter_session: ComplaintReporterSessionTable;
  complaint_identity_view: ComplaintIdentityViewTable;
}
