import type { DutyLetterStatus, DutyLevel } from '../../../contracts/duty-letters.js';

export interface DutyLetterTemplateTable {
  tenant_id: string;
  id: string;
  name: string;
  level: DutyLevel | null;
  title: string;
  preamble: string;
  /** JSON array of strings. */
  duties: string;
  closing: string;
  /** JSON array of strings, one per party in order. */
  signature_labels: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A letter holds its rendered content (the template with the year filled in), fixed when issued and hashed:
 * content_hash = SM3 of the canonical content (letterContent). Triggers refuse changing it once anyone signed.
 */
export interface DutyLetterTable {
  tenant_id: string;
  id: string;
  code: string;
  year: number;
  level: DutyLevel;
  org_id: string;
  template_id: string;
  title: string;
  preamble: string;
  /** JSON array of strings. */
  duties: string;
  closing: string;
  content_hash: string;
  /** The party person ids sorted and joined: one current letter per org, year and set of parties. */
  party_key: string;
  status: DutyLetterStatus;
  revision_of: string | null;
  revision_reason: string;
  issued_by: string | null;
  issued_at: string;
  signed_at: string | null;
  updated_at: string;
}

export interface DutyLetterPartyTable {
  tenant_id: string;
  id: string;
  letter_id: string;
  seq: number;
  label: string;
  person_id: string;
  /** Names as printed on the letter when it was issued: part of the signed content. */
  person_name: string;
  org_name: string;
  signed_at: string | null;
  signer_account_id: string | null;
  /** SM2 over signMessage(...), DER hex. */
  signature: string | null;
  public_key: string | null;
}

export interface DutyLettersTables {
  duty_letter_template: DutyLetterTemplateTable;
  duty_letter: DutyLetterTable;
  duty_letter_party: DutyLetterPartyTable;
}
