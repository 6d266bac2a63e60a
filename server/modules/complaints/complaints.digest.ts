import type { DigestItem } from '../../platform/notify/digest.js';
import type { DigestSource } from '../../platform/notify/digest-job.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { excludedPersons, recipientDirectory } from './complaints.recusal.js';
import { AWAITING_ANSWER, complaintColour, defaultDays } from './complaints.sla.js';

type Kind = 'complaint.due_soon' | 'complaint.overdue' | 'complaint.unassigned';

/**
 * Reminders through the daily digest: the responsible org's handlers (never a recused one) hear of answers
 * due within the warning days and of overdue ones; 监督部门 hears of complaints still not 分办 once they
 * turn 蓝. Each person counts a complaint once per kind.
 */
export const complaintDigest: DigestSource = async (deps, tenantId) => {
  const db = deps.db;
  const [cal, settings] = await Promise.all([loadCalendar(db, tenantId), loadSettings(db, tenantId)]);
  const day = today(deps.clock);
  const days = defaultDays(settings);
  const warn = settings['system.sla.warnWorkingDays'];
  const rows = await db
    .selectFrom('complaint as c')
    .innerJoin('complaint_matter as m', (j) => j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.id', '=', 'c.matter_id'))
    .select(['c.id', 'c.org_id', 'c.responsible_org_id', 'c.status', 'c.submitted_at', 'c.dispatched_at', 'c.accepted_at', 'c.due_date', 'c.extensions', 'c.redos', 'c.dissatisfied', 'm.assign_days', 'm.answer_days'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', 'in', ['submitted', ...AWAITING_ANSWER])
    .execute();
  const due: { row: (typeof rows)[number]; kind: Kind }[] = [];
  for (const r of rows) {
    if (r.status === 'submitted') {
      if (complaintColour(cal, days, r, day) === 'blue') due.push({ row: r, kind: 'complaint.unassigned' });
    } else if (r.due_date && day > r.due_date) due.push({ row: r, kind: 'complaint.overdue' });
    else if (r.due_date && cal.workingDaysBetween(day, r.due_date) <= warn) due.push({ row: r, kind: 'complaint.due_soon' });
  }
  const out = new Map<string, DigestItem[]>();
  if (!due.length) return out;
  const ids = due.map((d) => d.row.id);
  const [handlers, supervisors, handleExcluded, superviseExcluded] = await Promise.all([
    recipientDirectory(db, tenantId, 'complaint:handle'),
    recipientDirectory(db, tenantId, 'complaint:supervise'),
    excludedPersons(db, tenantId, ids, 'complaint:handle'),
    excludedPersons(db, tenantId, ids, 'complaint:supervise'),
  ]);
  const seen = new Set<string>();
  for (const { row, kind } of due) {
    const users = kind === 'complaint.unassigned'
      ? supervisors(row, superviseExcluded.get(row.id) ?? new Set())
      : handlers(row, handleExcluded.get(row.id) ?? new Set());
    for (const u of users) {
      const key = `${u}|${row.id}|${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(u, [...(out.get(u) ?? []), { kind }]);
    }
  }
  return out;
};
