import type { ClueStepKind } from '../../../../contracts/clues.js';

/**
 * One handling step of a clue, numbered from 1 and chained per clue:
 * hash = SM3(prev_hash \n canonical row), signed by its actor. Facts are sealed; the row holds no content.
 */
export interface ClueStepTable {
  tenant_id: string;
  id: string;
  clue_id: string;
  seq: number;
  at: string;
  /** Null for the system (jobs), which signs with the audit key. */
  actor_account_id: string | null;
  kind: ClueStepKind;
  /** SM4 envelope of the canonical facts JSON, AAD `clue_step:facts:<id>`. */
  facts_enc: string;
  facts_hash: string;
  prev_hash: string;
  hash: string;
  /** SM2 over `stepMessage(...)`, DER hex. */
  signature: string;
  public_key: string;
}

export interface ClueStepsTables {
  clue_step: ClueStepTable;
}
