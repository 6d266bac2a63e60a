import type { RectificationSource, RectificationStatus } from '../../../contracts/rectification.js';

export interface RectificationItemTable {
  tenant_id: string;
  id: string;
  /** 逐件编号: ZG-<year>-<seq>, numbered per tenant and year. */
  code: string;
  year: number;
  seq: number;
  source_type: RectificationSource;
  source_id: string | null;
  source_label: string;
  title: string;
  problem: string;
  root_cause: string;
  org_id: string;
  leader_id: string | null;
  owner_person_id: string;
  status: RectificationStatus;
  deadline_start: string;
  deadline_days: number;
  deadline_unit: 'working' | 'calendar';
  /** Denormalised from the deadline and its approved extensions, so ledgers can filter and sort by it. */
  due_date: string;
  extensions: number;
  reopens: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface RectificationMeasureTable {
  tenant_id: string;
  id: string;
  item_id: string;
  seq: number;
  description: string;
  owner_person_id: string;
  due_date: string;
  status: 'open' | 'done';
  done_at: string | null;
  note: string;
}

export interface RectificationEvidenceTable {
  tenant_id: string;
  id: string;
  item_id: string;
  measure_id: string;
  attachment_id: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface RectificationExtensionTable {
  tenant_id: string;
  id: string;
  item_id: string;
  days: number;
  reason: string;
  status: 'requested' | 'approved' | 'rejected';
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
}

/** The item's timeline, readable by the people working on it (the audit log is for the auditor only). */
export interface RectificationEventTable {
  tenant_id: string;
  id: string;
  item_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  note: string;
  params: string;
}

export interface RectificationTables {
  rectification_item: RectificationItemTable;
  rectification_measure: RectificationMeasureTable;
  rectification_evidence: RectificationEvidenceTable;
  rectification_extension: RectificationExtensionTable;
  rectification_event: RectificationEventTable;
}
