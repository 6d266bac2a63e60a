import type { ClueClock, ClueStatus } from '../../../../contracts/clues.js';
import type { Settings } from '../../../../contracts/settings.js';
import type { WorkCalendar } from '../../../platform/clock/calendar.js';

/**
 * The dates a clue's clocks run from and stop at, gathered from the clue and its disposal rows. A clock
 * whose start has not happened does not run; a clock whose stop has happened shows when it stopped.
 */
export interface ClueClockFacts {
  status: ClueStatus;
  named: boolean;
  receivedOn: string;
  /** Scope decision forward_up: the day it was forwarded. */
  forwardedUpOn: string | null;
  forwardedDownOn: string | null;
  acknowledgedOn: string | null;
  acceptanceNoticeOn: string | null;
  /** 谈话函询: the talk was held or the letter sent on this day; the written reply is due from it. */
  replyFrom: string | null;
  /** The day the reply was endorsed by the org head: only an endorsed reply stops the clock. */
  replyEndorsedOn: string | null;
  /** 初步核实: the deadline in force (the plan's, or the latest extension's). */
  checkDeadline: string | null;
  checkReportedOn: string | null;
  shelveReviewOn: string | null;
  shelveReviewedOn: string | null;
  closedOn: string | null;
  resultNoticeOn: string | null;
  checkinOptIn: boolean;
  checkinDoneOn: string | null;
}

export type ClockSettings = Pick<
  Settings,
  | 'system.clue.forwardWorkingDays'
  | 'system.clue.acceptNoticeWorkingDays'
  | 'system.clue.resultNoticeWorkingDays'
  | 'system.clue.replyWorkingDays'
  | 'system.clue.retaliationCheckDays'
  | 'system.sla.warnWorkingDays'
>;

/** A repeat is registered for the record only; a forwarded clue is told by the body that handles it. */
const NO_ACCEPTANCE_NOTICE: ClueStatus[] = ['repeat', 'forwarded_up', 'forwarded_down'];

/**
 * Colour of one clock on `today`: an open clock turns 黄 within the warning working days and 红 once past;
 * a stopped clock is 红 when it stopped late (late actions are allowed, never refused) and has no colour otherwise.
 */
export function clockColour(cal: WorkCalendar, warn: number, due: string, doneOn: string | null, today: string): ClueClock['colour'] {
  if (doneOn) return doneOn > due ? 'red' : null;
  if (today > due) return 'red';
  return cal.workingDaysBetween(today, due) <= warn ? 'yellow' : null;
}

/** Every clock that runs or ran on a clue, in a fixed order. */
export function clueClocks(cal: WorkCalendar, s: ClockSettings, f: ClueClockFacts, today: string): ClueClock[] {
  const out: ClueClock[] = [];
  const add = (kind: ClueClock['kind'], due: string, doneOn: string | null) =>
    out.push({ kind, due, doneOn, colour: clockColour(cal, s['system.sla.warnWorkingDays'], due, doneOn, today) });
  const forward = s['system.clue.forwardWorkingDays'];

  // Until the scope decision any clue may turn out to belong to a higher level, which must have it within the limit.
  if (f.status === 'registered' || f.forwardedUpOn) add('forward_up', cal.addWorkingDays(f.receivedOn, forward), f.forwardedUpOn);
  if (f.forwardedDownOn) add('forward_ack', cal.addWorkingDays(f.forwardedDownOn, forward), f.acknowledgedOn);
  if (f.named && !NO_ACCEPTANCE_NOTICE.includes(f.status)) {
    add('acceptance_notice', cal.addWorkingDays(f.receivedOn, s['system.clue.acceptNoticeWorkingDays']), f.acceptanceNoticeOn);
  }
  if (f.replyFrom) add('reply', cal.addWorkingDays(f.replyFrom, s['system.clue.replyWorkingDays']), f.replyEndorsedOn);
  if (f.checkDeadline) add('preliminary_check', f.checkDeadline, f.checkReportedOn);
  if (f.shelveReviewOn) add('shelve_review', f.shelveReviewOn, f.shelveReviewedOn);
  if (f.closedOn && f.named) add('result_notice', cal.addWorkingDays(f.closedOn, s['system.clue.resultNoticeWorkingDays']), f.resultNoticeOn);
  if (f.closedOn && f.checkinOptIn) add('retaliation_checkin', cal.addCalendarDays(f.closedOn, s['system.clue.retaliationCheckDays']), f.checkinDoneOn);
  return out;
}

/** The open clock due first, for the supervision ledger. */
export function nextClock(clocks: ClueClock[]): ClueClock | null {
  return clocks.filter((c) => !c.doneOn).sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;
}

/** 初步核实 deadline when the plan names none: the default working days from the day it was planned. */
export function defaultCheckDeadline(cal: WorkCalendar, plannedOn: string, workingDays: number): string {
  return cal.addWorkingDays(plannedOn, workingDays);
}
