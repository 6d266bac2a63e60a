import type { WorkCalendar } from './calendar.js';

export type DayUnit = 'working' | 'calendar';

export interface DeadlinePause {
  from: string;
  to: string | null;
}

export interface DeadlineExtension {
  days: number;
  reason: string;
  at: string;
  by: string;
}

/** A due date kept as its inputs, so that pauses and extensions stay visible as history. */
export interface Deadline {
  start: string;
  days: number;
  unit: DayUnit;
  pauses: DeadlinePause[];
  extensions: DeadlineExtension[];
}

function advance(cal: WorkCalendar, date: string, days: number, unit: DayUnit): string {
  return unit === 'working' ? cal.addWorkingDays(date, days) : cal.addCalendarDays(date, days);
}

function span(cal: WorkCalendar, from: string, to: string, unit: DayUnit): number {
  if (unit === 'working') return cal.workingDaysBetween(from, to);
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
}

export function newDeadline(start: string, days: number, unit: DayUnit): Deadline {
  return { start, days, unit, pauses: [], extensions: [] };
}

/** Due date: start + days + every extension, pushed back by the time spent paused (an open pause runs to `today`). */
export function dueDate(cal: WorkCalendar, dl: Deadline, today: string): string {
  const extended = dl.days + dl.extensions.reduce((s, e) => s + e.days, 0);
  const paused = dl.pauses.reduce((s, p) => s + span(cal, p.from, p.to ?? today, dl.unit), 0);
  return advance(cal, dl.start, extended + paused, dl.unit);
}

export function extendDeadline(dl: Deadline, ext: DeadlineExtension): Deadline {
  return { ...dl, extensions: [...dl.extensions, ext] };
}

export function pauseDeadline(dl: Deadline, from: string): Deadline {
  if (dl.pauses.some((p) => p.to === null)) return dl;
  return { ...dl, pauses: [...dl.pauses, { from, to: null }] };
}

export function resumeDeadline(dl: Deadline, to: string): Deadline {
  return { ...dl, pauses: dl.pauses.map((p) => (p.to === null ? { ...p, to } : p)) };
}
