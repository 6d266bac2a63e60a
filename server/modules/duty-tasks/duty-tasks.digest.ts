import type { DigestItem } from '../../platform/notify/digest.js';
import type { DigestSource } from '../../platform/notify/digest-job.js';
import { holdersOver, usersOfPersons } from '../../platform/access/directory.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { loadSettings } from '../../platform/settings/settings.js';

type Kind = 'duty_task.due_soon' | 'duty_task.due_today' | 'duty_task.overdue' | 'duty_task.escalated' | 'duty_task.review';

/**
 * Before and on a task's (or occurrence's) due date its owner — the named 责任人, else the lead leader —
 * is reminded; once overdue it stays in the owner's digest, and past system.dutyTask.escalateWorkingDays
 * it escalates to the lead leader and the assigning org's duty:manage holders. Reports waiting for review
 * are counted for those who may review them (not the reporter).
 */
export const dutyTaskDigest: DigestSource = async (deps, tenantId) => {
  const [cal, settings] = await Promise.all([loadCalendar(deps.db, tenantId), loadSettings(deps.db, tenantId)]);
  const day = today(deps.clock);
  const remind = settings['system.dutyTask.remindWorkingDays'];
  const escalate = settings['system.dutyTask.escalateWorkingDays'];
  const open = await deps.db
    .selectFrom('duty_task')
    .select(['id', 'due_date', 'owner_person_id', 'leader_person_id', 'assigner_org_id', 'pending_reports'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('due_date', 'is not', null), eb('pending_reports', '>', 0)]))
    .execute();
  const pendingBy = await deps.db
    .selectFrom('duty_task_report')
    .select(['task_id', 'reported_by'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'pending')
    .execute();
  const persons = open.flatMap((t) => [t.owner_person_id, t.leader_person_id].filter((p): p is string => !!p));
  const [accounts, managers] = await Promise.all([usersOfPersons(deps.db, tenantId, persons), holdersOver(deps.db, tenantId, 'duty:manage', open.map((t) => t.assigner_org_id))]);

  const out = new Map<string, DigestItem[]>();
  const seen = new Set<string>();
  const add = (userId: string, taskId: string, kind: Kind) => {
    const key = `${userId}|${taskId}|${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.set(userId, [...(out.get(userId) ?? []), { kind }]);
  };
  for (const t of open) {
    const ownerPerson = t.owner_person_id ?? t.leader_person_id;
    const owners = ownerPerson ? accounts.get(ownerPerson) ?? [] : [];
    const due = t.due_date;
    if (due) {
      const kind: Kind | null = day > due ? 'duty_task.overdue' : day === due ? 'duty_task.due_today' : cal.workingDaysBetween(day, due) <= remind ? 'duty_task.due_soon' : null;
      if (kind) for (const u of owners) add(u, t.id, kind);
      if (day > due && cal.workingDaysBetween(due, day) > escalate) {
        for (const u of t.leader_person_id ? accounts.get(t.leader_person_id) ?? [] : []) add(u, t.id, 'duty_task.escalated');
        for (const u of managers.get(t.assigner_org_id) ?? []) add(u, t.id, 'duty_task.escalated');
      }
    }
    if (Number(t.pending_reports) > 0) {
      const reporters = new Set(pendingBy.filter((r) => r.task_id === t.id).map((r) => r.reported_by));
      for (const u of managers.get(t.assigner_org_id) ?? []) if (!reporters.has(u) || reporters.size > 1) add(u, t.id, 'duty_task.review');
    }
  }
  return out;
};
