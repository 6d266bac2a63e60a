import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type DayKind = 'workday' | 'holiday';
export type DaySource = 'weekday' | 'weekend' | 'holiday' | 'makeup' | 'override';
export interface CalendarOverride {
  date: string;
  kind: DayKind;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** chinese-days notes read "English name,中文名,length"; the names label a day in either locale. */
export interface HolidayName {
  en: string;
  zh: string;
}

let national: { holidays: Map<string, HolidayName>; workdays: Map<string, HolidayName> } | undefined;

function names(entries: Record<string, string>): Map<string, HolidayName> {
  return new Map(
    Object.entries(entries).map(([date, note]) => {
      const [en = '', zh = ''] = note.split(',');
      return [date, { en, zh }];
    }),
  );
}

/** National holidays and 调休 make-up workdays as published by the State Council (chinese-days data). */
function nationalCalendar() {
  if (!national) {
    const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
    national = { holidays: names(data.holidays), workdays: names(data.workdays) };
  }
  return national;
}

/** The calendar date `days` after (or before) `date`. */
export function addDays(date: string, days: number): string {
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

  /** Which rule decides a day: the tenant's override, then the national arrangement, then the day of the week. */
  sourceOf(date: string): DaySource {
    if (this.overrides.has(date)) return 'override';
    const n = nationalCalendar();
    if (n.workdays.has(date)) return 'makeup';
    if (n.holidays.has(date)) return 'holiday';
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow === 0 || dow === 6 ? 'weekend' : 'weekday';
  }

  isWorkingDay(date: string): boolean {
    const source = this.sourceOf(date);
    if (source === 'override') return this.overrides.get(date) === 'workday';
    return source === 'weekday' || source === 'makeup';
  }

  /** The date `n` working days after `date` (the start day itself does not count). */
  addWorkingDays(date: string, n: number): string {
    if (n < 0) throw new RangeError('n must be >= 0');
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** Working days in (from, to]: how many working days have passed since `from` by the end of `to`. */
  workingDaysBetween(from: string, to: string): number {
    if (to <= from) return 0;
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count += 1;
    return count;
  }

  addCalendarDays(date: string, n: number): string {
    return addDays(date, n);
  }
}

/** The festival a national holiday or make-up workday belongs to, or null for an ordinary day. */
export function nationalHolidayName(date: string): HolidayName | null {
  const n = nationalCalendar();
  return n.holidays.get(date) ?? n.workdays.get(date) ?? null;
}

/** Every date of a year, in order. */
export function daysOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) out.push(d);
  return out;
}
