export interface IdempotencyKeyTable {
  tenant_id: string;
  scope: string;
  key: string;
  fingerprint: string;
  status_code: number;
  /** Encrypted response body, replayed for a retried request. */
  response: string;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: number;
}

export interface HttpTables {
  idempotency_key: IdempotencyKeyTable;
  rate_limit: RateLimitTable;
}
