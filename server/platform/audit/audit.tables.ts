export interface AuditLogTable {
  tenant_id: string;
  seq: number;
  id: string;
  at: string;
  actor_kind: 'user' | 'public' | 'system';
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  result: 'success' | 'failure';
  request_id: string | null;
  /** Staff requests only: the public submission path never records an address. */
  source_ip: string | null;
  /** JSON; never passwords, content or reporter identity. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

export interface AuditCheckpointTable {
  tenant_id: string;
  seq: number;
  hash: string;
  at: string;
  signature: string;
  public_key: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_checkpoint: AuditCheckpointTable;
}
