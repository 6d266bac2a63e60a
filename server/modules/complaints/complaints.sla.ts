import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ComplaintStatus } from '../../../contracts/complaints.js';
import type { Settings } from '../../../contracts/settings.js';
import { addDays, type WorkCalendar } from '../../platform/clock/calendar.js';
import { slaColour, type SlaColour, type SlaRule } from '../../platform/clock/sla.js';

/**
 * The complaint deadlines (颍州区 "三色卡"): 蓝 when 监督部门 has not 分办 and 交办 within the assign days
 * of submission (分办 alone starts no clock, so a complaint left 已分办 would otherwise wait unseen); 黄 when the answer has not come within the answer days of 交办 (of 重办 in a second round);
 * 红 when the answer is past its due date (the longer 办理时限 set at 交办 or 重办, moved by an approved 延期),
 * when 延期 was asked for more often than the limit allows, or when the reporter was dissatisfied twice. A
 * matter may override both day counts.
 */
export interface SlaDays {
  assignDays: number;
  answerDays: number;
  maxExtensions: number;
}

export const OPEN: ComplaintStatus[] = ['submitted', 'assigned', 'dispatched', 'in_progress', 'answered', 'rated'];
export const AWAITING_ANSWER: ComplaintStatus[] = ['dispatched', 'in_progress'];
/** Not yet 交办: the assign days run from submission. */
export const AWAITING_DISPATCH: ComplaintStatus[] = ['submitted', 'assigned'];

export function defaultDays(s: Settings): SlaDays {
  return { assignDays: s['system.complaint.assignWorkingDays'], answerDays: s['system.complaint.answerWorkingDays'], maxExtensions: s['system.complaint.maxExtensions'] };
}

export function slaRules(d: SlaDays): SlaRule[] {
  return [
    { colour: 'blue', kind: 'elapsed', since: 'submitted', until: 'dispatched', workingDays: d.assignDays },
    { colour: 'yellow', kind: 'elapsed', since: 'answerClock', until: 'answered', workingDays: d.answerDays },
    { colour: 'red', kind: 'overdue' },
    { colour: 'red', kind: 'counter', counter: 'extensions', gt: d.maxExtensions },
    { colour: 'red', kind: 'counter', counter: 'dissatisfied', gt: 1 },
  ];
}

/** Why a complaint is 红, most pressing first: past the due date, 延期 asked too often, dissatisfied twice. */
export type RedReason = 'overdue' | 'over_extended' | 'dissatisfied_twice';

export function redReason(d: SlaDays, r: SlaRow, today: string): RedReason | null {
  if (!OPEN.includes(r.status)) return null;
  if (AWAITING_ANSWER.includes(r.status) && r.due_date && today > r.due_date) return 'overdue';
  if (r.extensions > d.maxExtensions) return 'over_extended';
  return r.dissatisfied > 1 ? 'dissatisfied_twice' : null;
}

export interface SlaRow {
  status: ComplaintStatus;
  submitted_at: string;
  dispatched_at: string | null;
  accepted_at: string | null;
  due_date: string | null;
  extensions: number;
  redos: number;
  dissatisfied: number;
  assign_days: number | null;
  answer_days: number | null;
}

/** 重办 puts a complaint straight back to 办理中 and stamps accepted_at: that starts the new answer round. */
export function answerClock(r: Pick<SlaRow, 'redos' | 'accepted_at' | 'dispatched_at'>): string | null {
  return r.redos > 0 ? r.accepted_at : r.dispatched_at;
}

export function complaintColour(cal: WorkCalendar, d: SlaDays, r: SlaRow, today: string): SlaColour | null {
  if (!OPEN.includes(r.status)) return null;
  const waiting = AWAITING_ANSWER.includes(r.status);
  const days = { ...d, assignDays: r.assign_days ?? d.assignDays, answerDays: r.answer_days ?? d.answerDays };
  return slaColour(cal, slaRules(days), {
    today,
    due: waiting ? r.due_date : null,
    events: {
      submitted: r.submitted_at.slice(0, 10),
      dispatched: AWAITING_DISPATCH.includes(r.status) ? null : 'done',
      answerClock: waiting ? answerClock(r)?.slice(0, 10) : null,
      answered: null,
    },
    counters: { extensions: r.extensions, dissatisfied: r.dissatisfied },
  });
}

/**
 * The latest date `since` may fall on for more than `n` working days to have passed by `today`: the
 * count only shrinks as `since` moves later, so "elapsed > n" is "since <= cutoff".
 */
export function elapsedCutoff(cal: WorkCalendar, today: string, n: number): string {
  let d = today;
  let count = 0;
  for (;;) {
    if (cal.isWorkingDay(d)) count += 1;
    d = addDays(d, -1);
    if (count > n) return d;
  }
}

/** `CASE coalesce(column, default) WHEN n THEN cutoff(n) ... END` over the day counts in use. */
function cutoffCase(cal: WorkCalendar, today: string, column: RawBuilder<unknown>, fallback: number, inUse: number[]): RawBuilder<string> {
  const values = [...new Set([fallback, ...inUse])];
  const whens = values.map((n) => sql`when ${n} then ${elapsedCutoff(cal, today, n)}`);
  return sql<string>`(case coalesce(${column}, ${fallback}) ${sql.join(whens, sql` `)} end)`;
}

export interface SlaSqlInput {
  cal: WorkCalendar;
  today: string;
  days: SlaDays;
  /** Distinct day overrides on the tenant's matters. */
  assignInUse: number[];
  answerInUse: number[];
}

/**
 * The same colours as a WHERE condition over `complaint as c` joined to `complaint_matter as m`, so the
 * inbox can filter and page by colour in the database. A test holds it to `complaintColour`.
 */
export function colourCondition(colour: SlaColour, s: SlaSqlInput): RawBuilder<SqlBool> {
  const open = sql`c.status in (${sql.join(OPEN)})`;
  const waiting = sql`c.status in (${sql.join(AWAITING_ANSWER)})`;
  const red = sql`(${open} and ((${waiting} and c.due_date < ${s.today}) or c.extensions > ${s.days.maxExtensions} or c.dissatisfied > 1))`;
  const clock = sql`substr(case when c.redos > 0 then c.accepted_at else c.dispatched_at end, 1, 10)`;
  const yellow = sql`(${waiting} and ${clock} <= ${cutoffCase(s.cal, s.today, sql`m.answer_days`, s.days.answerDays, s.answerInUse)})`;
  const blue = sql`(c.status in (${sql.join(AWAITING_DISPATCH)}) and substr(c.submitted_at, 1, 10) <= ${cutoffCase(s.cal, s.today, sql`m.assign_days`, s.days.assignDays, s.assignInUse)})`;
  if (colour === 'red') return sql<SqlBool>`${red}`;
  if (colour === 'yellow') return sql<SqlBool>`(${yellow} and not ${red})`;
  return sql<SqlBool>`(${blue} and not ${yellow} and not ${red})`;
}
