import type { DutyTaskSummary } from '../../../contracts/duty-tasks.js';
import type { DualDuty, DualDutyCounts, DualDutyList, DualDutyRectification, DualDutyTask, DutyLetterSummary } from '../../../contracts/duty-letters.js';
import type { Page } from '../../../contracts/common.js';
import type { RectificationSummary } from '../../../contracts/rectification.js';
import { scopeOf, someOrgInScope } from '../../platform/access/scope.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { listTasks } from '../duty-tasks/duty-tasks.service.js';
import { allRectifications } from '../rectification/rectification.service.js';
import { myPersonId } from './duty-letters.policy.js';
import { listLetters } from './duty-letters.service.js';
import * as repo from './dual-duty.repo.js';

const PAGE = 200;

/** Every page of a paged list, so that a long list is never cut short silently. */
async function everyPage<T>(fetch: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const p = await fetch(page);
    out.push(...p.items);
    if (p.items.length < PAGE || out.length >= p.total) return out;
  }
}

const byId = <T extends { id: string }>(lists: T[][]): T[] => [...new Map(lists.flat().map((x) => [x.id, x])).values()];

/** A member's area is visible when the person belongs to an org in the caller's duty:read scope, or is the caller. */
async function mayReadPerson(ctx: Ctx, personId: string): Promise<boolean> {
  if (personId === myPersonId(ctx)) return true;
  const orgs = await repo.personOrgIds(ctx.deps.db, ctx.tenantId, personId);
  return someOrgInScope(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'duty:read'), orgs);
}

function counts(letters: DutyLetterSummary[], tasks: DualDutyTask[], rect: DualDutyRectification[]): DualDutyCounts {
  return {
    letters: letters.length,
    lettersSigned: letters.filter((l) => l.status === 'signed').length,
    tasks: tasks.length,
    tasksOverdue: tasks.filter((t) => t.overdue).length,
    rectificationOpen: rect.filter((r) => r.status !== 'closed').length,
    rectificationOverdue: rect.filter((r) => r.overdue).length,
  };
}

const presentTask = (t: DutyTaskSummary, personId: string): DualDutyTask => ({
  id: t.id,
  title: `${t.number} ${t.title}`,
  org: t.org,
  leadPerson: t.leader,
  deadline: t.deadline,
  progress: t.progress,
  status: t.status,
  overdue: t.overdue,
  own: t.leader?.id === personId || t.owner?.id === personId,
});

const presentRect = (r: RectificationSummary): DualDutyRectification => ({
  id: r.id,
  code: r.code,
  title: r.title,
  org: r.org,
  status: r.status,
  dueDate: r.dueDate,
  overdue: r.overdue,
});

/**
 * One member's 一岗双责 for a year, as far as the caller may see each part: the orgs they oversee; letters they
 * are a party to and those of their orgs; key tasks they lead or own and those of their orgs; rectification
 * items naming them as 责任领导 or in their orgs (open ones, and any due that year).
 */
export async function dualDuty(ctx: Ctx, personId: string, year: number): Promise<DualDuty> {
  if (!(await mayReadPerson(ctx, personId))) throw notFound('person');
  const person = await repo.personRef(ctx.deps.db, ctx.tenantId, personId);
  if (!person) throw notFound('person');
  const leader = await repo.leaderOf(ctx.deps.db, ctx.tenantId, personId);
  const oversees = leader ? await repo.oversightOrgs(ctx.deps.db, ctx.tenantId, leader.id) : [];

  const letters = byId(
    await Promise.all([
      everyPage((page) => listLetters(ctx, { year, personId, page, pageSize: PAGE })),
      ...oversees.map((o) => everyPage((page) => listLetters(ctx, { year, orgId: o.id, page, pageSize: PAGE }))),
    ]),
  );

  const tasks = byId(
    await Promise.all([
      everyPage((page) => listTasks(ctx, { year, leaderId: personId, page, pageSize: PAGE })),
      everyPage((page) => listTasks(ctx, { year, ownerId: personId, page, pageSize: PAGE })),
      ...oversees.map((o) => everyPage((page) => listTasks(ctx, { year, orgId: o.id, page, pageSize: PAGE }))),
    ]),
  ).map((t) => presentTask(t, personId));

  const rect = byId(
    await Promise.all([
      ...(leader ? [allRectifications(ctx, { leaderId: leader.id })] : []),
      ...oversees.map((o) => allRectifications(ctx, { orgId: o.id })),
    ]),
  )
    .filter((r) => r.status !== 'closed' || r.dueDate.startsWith(`${year}-`))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code))
    .map(presentRect);

  return {
    year,
    person,
    leader: leader ? { id: leader.id, title: leader.title } : null,
    oversees,
    letters,
    tasks,
    rectification: rect,
    counts: counts(letters, tasks, rect),
  };
}

/** Every leadership member the caller can see, with the figures of their area. */
export async function dualDutyList(ctx: Ctx, year: number): Promise<DualDutyList> {
  const items: DualDutyList['items'] = [];
  for (const l of await repo.leaders(ctx.deps.db, ctx.tenantId)) {
    if (!(await mayReadPerson(ctx, l.person_id))) continue;
    const view = await dualDuty(ctx, l.person_id, year);
    items.push({ person: view.person, leaderId: l.id, title: l.title, oversees: view.oversees.map((o) => ({ id: o.id, name: o.name })), counts: view.counts });
  }
  return { year, items };
}
