import { sql, type SqlBool } from 'kysely';
import type { DigestItem } from '../../platform/notify/digest.js';
import type { DigestSource } from '../../platform/notify/digest-job.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { excludedPersons, recipientDirectory } from './complaints.recusal.js';
import { AWAITING_ANSWER, AWAITING_DISPATCH, OPEN, complaintColour, defaultDays, redReason } from './complaints.sla.js';

type HandlerKind = 'complaint.due_soon' | 'complaint.overdue';
type SupervisorKind = 'complaint.unassigned' | 'complaint.undispatched' | 'complaint.yellow' | 'complaint.overdue' | 'complaint.over_extended' | 'complaint.dissatisfied_twice';

/**
 * Reminders and escalations through the daily digest. The responsible org's handlers hear of answers due
 * within the warning days and of overdue ones. 监督部门 (complaint:supervise over the complaint's org or
 * responsible org) hears of every complaint with a colour: 蓝 not 分办 or 分办 but not 交办, 黄, and 红 under
 * its most pressing reason. Nobody hears of a complaint that names them or that they are recorded as
 * recused from, in either role. Each person counts a complaint once per kind; a supervisor who also
 * handles it counts an overdue answer once.
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
    .where('c.status', 'in', OPEN)
    // An answered or rated complaint can only have a colour through its counters.
    .where(sql<SqlBool>`(c.status in (${sql.join([...AWAITING_DISPATCH, ...AWAITING_ANSWER])}) or c.extensions > ${days.maxExtensions} or c.dissatisfied > 1)`)
    .execute();
  const toHandlers: { row: (typeof rows)[number]; kind: HandlerKind }[] = [];
  const toSupervisors: { row: (typeof rows)[number]; kind: SupervisorKind }[] = [];
  for (const r of rows) {
    if (AWAITING_ANSWER.includes(r.status) && r.due_date) {
      if (day > r.due_date) toHandlers.push({ row: r, kind: 'complaint.overdue' });
      else if (cal.workingDaysBetween(day, r.due_date) <= warn) toHandlers.push({ row: r, kind: 'complaint.due_soon' });
    }
    const colour = complaintColour(cal, days, r, day);
    const reason = colour === 'red' ? redReason(days, r, day) : null;
    if (colour === 'blue') toSupervisors.push({ row: r, kind: r.status === 'submitted' ? 'complaint.unassigned' : 'complaint.undispatched' });
    else if (colour === 'yellow') toSupervisors.push({ row: r, kind: 'complaint.yellow' });
    else if (reason) toSupervisors.push({ row: r, kind: `complaint.${reason}` });
  }
  const out = new Map<string, DigestItem[]>();
  if (!toHandlers.length && !toSupervisors.length) return out;
  const ids = [...new Set([...toHandlers, ...toSupervisors].map((d) => d.row.id))];
  const [handlers, supervisors, recused] = await Promise.all([
    recipientDirectory(db, tenantId, 'complaint:handle'),
    recipientDirectory(db, tenantId, 'complaint:supervise'),
    // Named people and everyone recorded as recused: a digest names the complaint to nobody among them.
    excludedPersons(db, tenantId, ids, 'complaint:handle'),
  ]);
  const seen = new Set<string>();
  const add = (users: string[], id: string, kind: string) => {
    for (const u of users) {
      const key = `${u}|${id}|${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(u, [...(out.get(u) ?? []), { kind }]);
    }
  };
  for (const { row, kind } of toHandlers) add(handlers(row, recused.get(row.id) ?? new Set()), row.id, kind);
  for (const { row, kind } of toSupervisors) add(supervisors(row, recused.get(row.id) ?? new Set()), row.id, kind);
  return out;
};
