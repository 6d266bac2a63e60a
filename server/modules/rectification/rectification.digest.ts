import type { DigestItem } from '../../platform/notify/digest.js';
import type { DigestSource } from '../../platform/notify/digest-job.js';
import { usersOfPersons, usersWithRole } from '../../platform/access/directory.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { loadSettings } from '../../platform/settings/settings.js';
import * as repo from './rectification.repo.js';

type Kind = 'rectification.due_soon' | 'rectification.due_today' | 'rectification.overdue' | 'rectification.escalated';

/**
 * Reminders before the deadline and on the day go to owners (of the item and of its open measures);
 * once overdue, the item escalates to its responsible leader and every 纪检委员. Each person counts an
 * item once per kind; the digest job turns all of it into one message per person per day.
 */
export const rectificationDigest: DigestSource = async (deps, tenantId) => {
  const [cal, settings] = await Promise.all([loadCalendar(deps.db, tenantId), loadSettings(deps.db, tenantId)]);
  const day = today(deps.clock);
  const remind = settings['system.rectification.remindWorkingDays'];
  const classify = (due: string): Kind | null => {
    if (day > due) return 'rectification.overdue';
    if (day === due) return 'rectification.due_today';
    return cal.workingDaysBetween(day, due) <= remind ? 'rectification.due_soon' : null;
  };
  const items = await repo.openItemsForReminders(deps.db, tenantId);
  const measures = await repo.openMeasureOwners(deps.db, tenantId, items.map((i) => i.id));
  const byPerson: { personId: string; itemId: string; kind: Kind }[] = [];
  const escalations: { leaderPersonId: string | null; itemId: string }[] = [];
  for (const i of items) {
    const kind = classify(i.due_date);
    if (kind) byPerson.push({ personId: i.owner_person_id, itemId: i.id, kind });
    if (kind === 'rectification.overdue') escalations.push({ leaderPersonId: i.leader_person_id, itemId: i.id });
  }
  for (const m of measures) {
    const kind = classify(m.due_date);
    if (kind) byPerson.push({ personId: m.owner_person_id, itemId: m.item_id, kind });
  }
  const persons = [...byPerson.map((x) => x.personId), ...escalations.flatMap((e) => (e.leaderPersonId ? [e.leaderPersonId] : []))];
  const accounts = await usersOfPersons(deps.db, tenantId, persons);
  const discipline = escalations.length ? await usersWithRole(deps.db, tenantId, 'discipline_officer') : [];

  const out = new Map<string, DigestItem[]>();
  const seen = new Set<string>();
  const add = (userId: string, itemId: string, kind: Kind) => {
    const key = `${userId}|${itemId}|${kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.set(userId, [...(out.get(userId) ?? []), { kind }]);
  };
  for (const x of byPerson) for (const u of accounts.get(x.personId) ?? []) add(u, x.itemId, x.kind);
  for (const e of escalations) {
    for (const u of e.leaderPersonId ? accounts.get(e.leaderPersonId) ?? [] : []) add(u, e.itemId, 'rectification.escalated');
    for (const u of discipline) add(u, e.itemId, 'rectification.escalated');
  }
  return out;
};
