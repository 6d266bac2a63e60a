import type { ClueMethod, ClueNoticeKind } from '../../../../contracts/clues.js';

/** A proposal (拟处置意见) and the collective study of it; attendees is a JSON array of account ids. */
export interface ClueProposalTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  method: ClueMethod;
  reason_enc: string;
  proposed_by: string | null;
  proposed_at: string;
  meeting_on: string | null;
  attendees: string | null;
  /** Sealed JSON [{accountId, opinion}]. */
  opinions_enc: string | null;
  conclusion_enc: string | null;
  studied_by: string | null;
  studied_at: string | null;
}

export interface ClueApprovalTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  proposal_id: string;
  approve: 0 | 1;
  note_enc: string | null;
  higher_body: string | null;
  approved_by: string | null;
  at: string;
}

export interface ClueSpotDrawTable {
  tenant_id: string;
  id: string;
  year: number;
  quarter: number;
  percent: number;
  population: number;
  drawn: number;
  drawn_by: string | null;
  drawn_at: string;
}

/** 谈话函询: plan, the talk (interviewers: JSON account ids) or the letter, the endorsed reply, its spot check. */
export interface ClueTalkInquiryTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  mode: 'talk' | 'letter';
  planned_on: string;
  plan_note_enc: string;
  held_on: string | null;
  place_enc: string | null;
  interviewers: string | null;
  interviewee_signed: 0 | 1 | null;
  record_enc: string | null;
  letter_sent_on: string | null;
  reply_due: string | null;
  reply_received_on: string | null;
  reply_enc: string | null;
  endorsed_by_enc: string | null;
  endorsed_on: string | null;
  spot_draw_id: string | null;
  spot_selected: 0 | 1 | null;
  spot_result_enc: string | null;
  spot_consistent: 0 | 1 | null;
  spot_checked_at: string | null;
  created_at: string;
}

/** 初步核实; extensions is JSON [{newDeadline, reasonEnc, at}] with each reason sealed on its own. */
export interface ClueCheckTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  plan_enc: string;
  planned_on: string;
  deadline: string;
  extensions: string;
  findings_enc: string | null;
  report_enc: string | null;
  reported_on: string | null;
  reported_at: string | null;
  created_at: string;
}

export interface ClueShelveTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  reason_enc: string;
  review_on: string;
  shelved_at: string;
  review_note_enc: string | null;
  reviewed_on: string | null;
  reviewed_at: string | null;
}

export type ClueEndingKind = 'close_no_action' | 'transfer' | 'close';

export interface ClueEndingTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  kind: ClueEndingKind;
  reason: 'false' | 'unverifiable' | 'other' | null;
  recipient: string | null;
  note_enc: string | null;
  by_id: string | null;
  at: string;
}

/** Nothing here leads back to a clue or a reporter: the outcome row points to the record, never the reverse. */
export interface PersonDisciplineRecordTable {
  tenant_id: string;
  id: string;
  person_id: string;
  form: number;
  measure: string;
  effect_from: string | null;
  effect_until: string | null;
  recorded_on: string;
}

export interface ClueOutcomeTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  form: number;
  measure: string;
  effect_from: string | null;
  effect_until: string | null;
  note_enc: string | null;
  record_id: string | null;
  rectification_id: string | null;
  rectification_code: string | null;
  by_id: string | null;
  at: string;
}

export type ReporterContactKind = ClueNoticeKind | 'objection' | 'checkin';

export interface ClueReporterContactTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  kind: ReporterContactKind;
  on_date: string;
  method: 'phone' | 'letter' | 'in_person' | 'portal' | 'sms' | null;
  text_enc: string | null;
  checkin_opt_in: 0 | 1;
  retaliation: 0 | 1;
  by_id: string | null;
  at: string;
}

export interface ClueClockReminderTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  clock: string;
  due: string;
  colour: string;
  sent_at: string;
}

export interface ClueDisposalTables {
  clue_proposal: ClueProposalTable;
  clue_approval: ClueApprovalTable;
  clue_spot_draw: ClueSpotDrawTable;
  clue_talk_inquiry: ClueTalkInquiryTable;
  clue_check: ClueCheckTable;
  clue_shelve: ClueShelveTable;
  clue_ending: ClueEndingTable;
  person_discipline_record: PersonDisciplineRecordTable;
  clue_outcome: ClueOutcomeTable;
  clue_reporter_contact: ClueReporterContactTable;
  clue_clock_reminder: ClueClockReminderTable;
}
