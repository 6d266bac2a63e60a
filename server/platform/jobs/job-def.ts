import type { Deps } from '../context.js';

export interface JobRun {
  id: string;
  tenantId: string | null;
  payload: unknown;
}

/**
 * A kind of background work. With `cron`, every process's tick enqueues it for the latest due slot
 * (per tenant when `perTenant`); the slot's dedupe key makes exactly one of them win.
 */
export interface JobDef {
  kind: string;
  run(deps: Deps, job: JobRun): Promise<void>;
  cron?: string;
  perTenant?: boolean;
}
