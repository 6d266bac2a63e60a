import type { DutyPlan, DutyTaskSummary } from '../../../contracts/duty-tasks.js';
import type * as repo from './duty-tasks.repo.js';
import { rollUp } from './duty-tasks.rollup.js';

export const percentOf = (bp: number) => Math.round(Number(bp)) / 100;

export const isOverdue = (dueDate: string | null, today: string) => dueDate !== null && dueDate < today;

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function presentTaskSummary(r: repo.TaskListRow, coOrgs: { id: string; name: string }[], today: string): DutyTaskSummary {
  const overdue = isOverdue(r.due_date, today);
  return {
    id: r.id,
    planId: r.plan_id,
    year: Number(r.year),
    parentId: r.parent_id,
    number: r.number,
    depth: Number(r.depth),
    title: r.title,
    description: r.description,
    leader: r.leader_person_id ? { id: r.leader_person_id, name: r.leader_name ?? '' } : null,
    org: { id: r.org_id, name: r.org_name },
    coOrgs,
    owner: r.owner_person_id ? { id: r.owner_person_id, name: r.owner_name ?? '' } : null,
    deadline: r.deadline,
    evidenceForms: JSON.parse(r.evidence_forms) as string[],
    weight: Number(r.weight),
    recurrence: r.recurrence,
    progress: percentOf(r.progress_bp),
    status: r.status,
    overdue,
    overdueSince: overdue ? dayAfter(r.due_date!) : null,
    childCount: Number(r.child_count),
    pendingReports: Number(r.pending_reports),
    updatedAt: r.updated_at,
  };
}

export function presentPlan(
  p: repo.PlanListRow,
  counts: { total: number; overdue: number } | undefined,
  tops: { weight: number; progressBp: number }[],
  actions: DutyPlan['actions'],
): DutyPlan {
  return {
    id: p.id,
    year: Number(p.year),
    title: p.title,
    org: { id: p.org_id, name: p.org_name },
    taskCount: counts?.total ?? 0,
    topLevelCount: tops.length,
    overdueCount: counts?.overdue ?? 0,
    progress: percentOf(rollUp(tops)),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    actions,
  };
}
