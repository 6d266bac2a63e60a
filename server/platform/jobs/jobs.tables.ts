export interface JobTable {
  id: string;
  tenant_id: string | null;
  kind: string;
  /** `<kind>@<slot>` for cron ticks: the UNIQUE constraint makes each slot run once across processes. */
  dedupe_key: string | null;
  payload: string;
  run_at: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobsTables {
  job: JobTable;
}
