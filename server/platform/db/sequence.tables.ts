export interface SequenceCounterTable {
  tenant_id: string;
  register: string;
  year: number;
  last_seq: number;
}

export interface SequenceTables {
  sequence_counter: SequenceCounterTable;
}
