import type { Rectification, RectificationSummary } from '../../../contracts/rectification.js';
import type { WorkCalendar } from '../../platform/clock/calendar.js';
import { slaColour, type SlaRule } from '../../platform/clock/sla.js';
import type { Settings } from '../../../contracts/settings.js';
import type * as repo from './rectification.repo.js';

/** Yellow in the last working days before the due date, red once overdue or extended past the limit. */
export function slaRules(s: Settings): SlaRule[] {
  return [
    { colour: 'yellow', kind: 'due_within', workingDays: s['system.rectification.remindWorkingDays'] },
    { colour: 'red', kind: 'overdue' },
    { colour: 'red', kind: 'counter', counter: 'extensions', gt: s['system.rectification.maxExtensions'] },
  ];
}

export function presentSummary(
  r: repo.SummaryRow,
  counts: { done: number; total: number } | undefined,
  cal: WorkCalendar,
  rules: SlaRule[],
  today: string,
): RectificationSummary {
  const open = r.status !== 'closed';
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    sourceType: r.source_type,
    sourceId: r.source_id,
    sourceLabel: r.source_label,
    org: { id: r.org_id, name: r.org_name },
    leader: r.leader_id && r.leader_name ? { id: r.leader_id, name: r.leader_name } : null,
    owner: { id: r.owner_person_id, name: r.owner_name },
    status: r.status,
    dueDate: r.due_date,
    overdue: open && today > r.due_date,
    sla: open ? slaColour(cal, rules, { today, due: r.due_date, events: {}, counters: { extensions: r.extensions } }) : null,
    extensions: r.extensions,
    reopens: r.reopens,
    measuresDone: counts?.done ?? 0,
    measuresTotal: counts?.total ?? 0,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

type Detail = Omit<Rectification, keyof RectificationSummary | 'actions'>;

export function presentDetail(
  item: repo.ItemRow,
  measures: Awaited<ReturnType<typeof repo.measuresOf>>,
  evidence: Awaited<ReturnType<typeof repo.evidenceOf>>,
  extensions: Awaited<ReturnType<typeof repo.extensionsOf>>,
  events: Awaited<ReturnType<typeof repo.eventsOf>>,
  viewerId: string | null,
): Detail {
  return {
    problem: item.problem,
    rootCause: item.root_cause,
    deadline: { start: item.deadline_start, days: item.deadline_days, unit: item.deadline_unit },
    measures: measures.map((m) => ({
      id: m.id,
      seq: m.seq,
      description: m.description,
      owner: { id: m.owner_person_id, name: m.owner_name },
      dueDate: m.due_date,
      status: m.status,
      doneAt: m.done_at,
      note: m.note,
      evidence: evidence
        .filter((e) => e.measure_id === m.id)
        .map((e) => ({ id: e.id, attachmentId: e.attachment_id, name: e.name, mime: e.mime, size: Number(e.size), note: e.note, createdAt: e.created_at })),
    })),
    extensionList: extensions.map((x) => ({
      id: x.id,
      days: x.days,
      reason: x.reason,
      status: x.status,
      requestedBy: x.requested_by,
      mine: viewerId !== null && x.requester_id === viewerId,
      requestedAt: x.requested_at,
      decidedBy: x.decided_by,
      decidedAt: x.decided_at,
      decisionNote: x.decision_note,
    })),
    timeline: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, actorName: e.actor_name, note: e.note, params: JSON.parse(e.params) as Record<string, string | number | null> })),
  };
}
