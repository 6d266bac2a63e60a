import type { TenantCheck } from '../platform/backup/tenant-check.js';
import { msg, say } from './say.js';

/** One line per tenant: key usable, audit chain intact or where it first breaks. */
export function printTenantChecks(checks: TenantCheck[]): void {
  for (const c of checks) {
    if (!c.keyOk) say('tenantKeyBad', { code: c.code });
    if (c.audit.ok) {
      if (c.keyOk) say('tenantOk', { code: c.code, records: c.audit.records, checkpoints: c.audit.checkpoints });
    } else {
      say('tenantBroken', { code: c.code, seq: c.audit.brokenAt ?? '?', reason: msg(`auditReasons.${c.audit.reason}`), records: c.audit.records });
    }
  }
}
