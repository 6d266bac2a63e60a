import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type DayKind = 'workday' | 'holiday';
export interface CalendarOverride {
  date: string;
  kind: DayKind;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let national: { holidays: Set<string>; workdays: Set<string> } | undefined;

/** National holidays and 调休 make-up workdays as published by the State Council (chinese-days data). */
function nationalCalendar() {
  if (!national) {
    const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    national = { holidays: new Set(Object.keys(data.holidays)), workdays: new Set(Object.keys(data.workdays)) };
  }
  return national;
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Working-day calendar of one tenant: national data first, then the administrator's overrides
 * (entered each December when the next year's arrangement is published, or for local closures).
 */
export class WorkCalendar {
  private readonly overrides: Map<string, DayKind>;
  constructor(overrides: CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o.kind]));
  }

  isWorkingDay(date: string): boolean {
    const o = this.overrides.get(date);
    if (o) return o === 'workday';
    const n = nationalCalendar();
    if (n.workdays.has(date)) return true;
    if (n.holidays.has(date)) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The date `n` working days after `date` (the start day itself does not count). */
  addWorkingDays(date: string, n: number): string {
    if (n < 0) throw new RangeError('n must be >= 0');
    let d = date;
    let left = n;
    while (left > 0) {
      d = shift(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days in (from, to]: how many working days have passed since `from` by the end of `to`. */
  workingDaysBetween(from: string, to: string): number {
    if (to <= from) return 0;
    let count = 0;
    for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (this.isWorkingDay(d)) count += 1;
    return count;
  }

  addCalendarDays(date: string, n: number): string {
    return shift(date, n);
  }
}
