import type { DutyRecurrence, DutyTaskStatus } from '../../../contracts/duty-tasks.js';

/** Progress in basis points: 10000 = 100 %. */
export const FULL = 10000;

/**
 * A parent's progress: the children's progress weighted by their 分值, rounded to a basis point. When
 * every weight is 0 the children count equally (a sheet that leaves 分值 blank still rolls up).
 */
export function rollUp(children: { weight: number; progressBp: number }[]): number {
  if (!children.length) return 0;
  const total = children.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return Math.round(children.reduce((s, c) => s + c.progressBp, 0) / children.length);
  return Math.round(children.reduce((s, c) => s + c.weight * c.progressBp, 0) / total);
}

/** A recurring duty's progress: its occurrences count equally (4 quarterly hearings, each a quarter). */
export function occurrenceMean(occurrences: { progressBp: number }[]): number {
  if (!occurrences.length) return 0;
  return Math.round(occurrences.reduce((s, o) => s + o.progressBp, 0) / occurrences.length);
}

export function statusOf(progressBp: number, pendingReports: number): DutyTaskStatus {
  if (pendingReports > 0) return 'submitted';
  if (progressBp >= FULL) return 'completed';
  return progressBp > 0 ? 'in_progress' : 'not_started';
}

export interface Period {
  seq: number;
  /** "2026-03", "2026-Q1", "2026-H1", "2026". */
  period: string;
  dueDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/**
 * The occurrences a recurring duty has in its plan's year: one per period that starts on or before the
 * deadline, each due at the period's end or at the deadline, whichever is first. A yearly duty has one,
 * due at the deadline. A one-off task has none.
 */
export function occurrencesOf(recurrence: DutyRecurrence, year: number, deadline: string): Period[] {
  const months: Record<Exclude<DutyRecurrence, 'none'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
  if (recurrence === 'none') return [];
  const step = months[recurrence];
  const out: Period[] = [];
  for (let startMonth = 1, seq = 1; startMonth <= 12; startMonth += step, seq += 1) {
    const start = `${year}-${pad(startMonth)}-01`;
    if (start > deadline) break;
    const end = lastDayOfMonth(year, startMonth + step - 1);
    const label =
      recurrence === 'monthly' ? `${year}-${pad(startMonth)}` : recurrence === 'quarterly' ? `${year}-Q${seq}` : recurrence === 'half_yearly' ? `${year}-H${seq}` : `${year}`;
    out.push({ seq, period: label, dueDate: end < deadline ? end : deadline });
  }
  return out;
}

/** The 序号 of a task and its tree-order key, from its parent's and its place among siblings. */
export function numbering(parent: { number: string; sortKey: string } | null, seq: number): { number: string; sortKey: string } {
  const key = String(seq).padStart(4, '0');
  return parent ? { number: `${parent.number}.${seq}`, sortKey: `${parent.sortKey}.${key}` } : { number: String(seq), sortKey: key };
}
