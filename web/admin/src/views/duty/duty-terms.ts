import { dutyLetterStatuses, dutyLevels, type DutyLetterStatus, type DutyLevel } from '../../../../../contracts/duty-letters';
import { dutyRecurrences, dutyTaskStatuses, type DutyTaskStatus } from '../../../../../contracts/duty-tasks';

export { dutyLetterStatuses, dutyLevels, dutyRecurrences, dutyTaskStatuses };
export type { DutyLetterStatus, DutyLevel, DutyTaskStatus };

type Tag = 'info' | 'warning' | 'success' | 'danger' | 'primary';

export const letterStatusTag: Record<DutyLetterStatus, Tag> = { issued: 'info', signing: 'warning', signed: 'success' };
export const taskStatusTag: Record<DutyTaskStatus, Tag> = { not_started: 'info', in_progress: 'primary', submitted: 'warning', completed: 'success' };

/** The years a page offers: two back, one ahead of the current one. */
export function yearOptions(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y + 1, y, y - 1, y - 2];
}

export const thisYear = (): number => new Date().getFullYear();

/** A year from the address (?year=2026) when it is a sensible one, else the current year. */
export function yearFrom(q: unknown): number {
  const n = typeof q === 'string' ? Number(q) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : thisYear();
}

