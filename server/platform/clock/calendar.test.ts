import { describe, expect, it } from 'vitest';
import { daysOfYear, nationalHolidayName, WorkCalendar } from './calendar.js';

/**
 * 2026 as the State Council published it (the chinese-days data):
 *   Spring Festival: off Sun 02-15 … Mon 02-23; make-up workdays Sat 02-14 and Sat 02-28.
 *   Mid-autumn: off Fri 09-25 … Sun 09-27.
 *   National Day: off Thu 10-01 … Wed 10-07; make-up workdays Sun 09-20 and Sat 10-10.
 * Weekdays: 2026-01-01 is a Thursday, so 02-01 and 03-01 are Sundays and 10-01 is a Thursday.
 */
const cal = new WorkCalendar();

describe('national calendar 2026', () => {
  it('marks the Spring Festival holidays and its make-up Saturdays', () => {
    for (const d of ['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23']) {
      expect(cal.isWorkingDay(`2026-${d}`), d).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
  });

  it('marks National Day and its make-up days 09-20 (Sun) and 10-10 (Sat)', () => {
    for (let d = 1; d <= 7; d += 1) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('says which rule decided each day', () => {
    expect(cal.sourceOf('2026-02-14')).toBe('makeup');
    expect(cal.sourceOf('2026-02-16')).toBe('holiday');
    expect(cal.sourceOf('2026-02-21')).toBe('holiday');
    expect(cal.sourceOf('2026-03-02')).toBe('weekday');
    expect(cal.sourceOf('2026-03-07')).toBe('weekend');
    expect(nationalHolidayName('2026-02-14')).toEqual({ en: 'Spring Festival', zh: '春节' });
    expect(nationalHolidayName('2026-10-03')).toEqual({ en: 'National Day', zh: '国庆节' });
    expect(nationalHolidayName('2026-03-02')).toBeNull();
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day, and returns it for zero days', () => {
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(cal.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
  });

  it('crosses the Spring Festival', () => {
    // From Thu 02-12: Fri 02-13 (1), make-up Sat 02-14 (2), holidays to 02-23, Tue 02-24 (3).
    expect(cal.addWorkingDays('2026-02-12', 2)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    // From Fri 02-13: 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5), make-up Sat 02-28 (6), Sun off, Mon 03-02 (7).
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(cal.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(cal.addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('crosses Mid-autumn and National Day', () => {
    // From Fri 09-18: Sat off, make-up Sun 09-20 (1), Mon 09-21 (2).
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(cal.addWorkingDays('2026-09-18', 2)).toBe('2026-09-21');
    // From Thu 09-24: 09-25..27 off, Mon 09-28 (1).
    expect(cal.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
    // From Wed 09-30: 10-01..07 off, Thu 10-08 (1), Fri 10-09 (2), make-up Sat 10-10 (3), Sun off, Mon 10-12 (4).
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-02')).toBe(0);
    // (Mon 03-02, Mon 03-09]: 03-03..06 and 03-09.
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
  });

  it('counts across the festivals', () => {
    // (02-13, 02-24]: make-up 02-14 and Tue 02-24.
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    // (02-14, 02-23]: nothing but holidays.
    expect(cal.workingDaysBetween('2026-02-14', '2026-02-23')).toBe(0);
    // February: weekdays 02-02..02-27 are 20, minus 6 weekday holidays (16–20, 23), plus 2 make-up Saturdays.
    expect(cal.workingDaysBetween('2026-02-01', '2026-02-28')).toBe(16);
    // (09-18, 10-12]: 09-20, 09-21..24 (4), 09-28..30 (3), 10-08, 10-09, 10-10, 10-12.
    expect(cal.workingDaysBetween('2026-09-18', '2026-10-12')).toBe(12);
  });

  it('agrees with addWorkingDays', () => {
    for (const start of ['2026-02-10', '2026-09-17', '2026-12-28']) {
      for (const n of [1, 3, 7, 15]) expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('administrator overrides', () => {
  // Tue 03-03 closed locally; Sat 03-07 worked; a national holiday worked; a make-up Saturday given off.
  const local = new WorkCalendar([
    { date: '2026-03-03', kind: 'holiday' },
    { date: '2026-03-07', kind: 'workday' },
    { date: '2026-02-16', kind: 'workday' },
    { date: '2026-02-14', kind: 'holiday' },
  ]);

  it('beat the weekday rule', () => {
    expect(local.isWorkingDay('2026-03-03')).toBe(false);
    expect(local.isWorkingDay('2026-03-07')).toBe(true);
    expect(local.sourceOf('2026-03-03')).toBe('override');
    // From Mon 03-02: 03-03 closed, Wed 03-04 (1).
    expect(local.addWorkingDays('2026-03-02', 1)).toBe('2026-03-04');
    // From Fri 03-06: Sat 03-07 worked (1).
    expect(local.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07');
    // (03-02, 03-09]: 03-03 closed, 03-04..06, Sat 03-07 worked, 03-09.
    expect(local.workingDaysBetween('2026-03-02', '2026-03-09')).toBe(5);
  });

  it('beat the national arrangement', () => {
    expect(local.isWorkingDay('2026-02-16')).toBe(true);
    expect(local.isWorkingDay('2026-02-14')).toBe(false);
    // From Fri 02-13: 02-14 now off, Mon 02-16 worked (1), 02-17..23 off, Tue 02-24 (2).
    expect(local.addWorkingDays('2026-02-13', 1)).toBe('2026-02-16');
    expect(local.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('leave other calendars alone', () => {
    expect(cal.isWorkingDay('2026-03-03')).toBe(true);
  });
});

describe('daysOfYear', () => {
  it('lists every date of the year in order', () => {
    const days = daysOfYear(2026);
    expect(days).toHaveLength(365);
    expect(days[0]).toBe('2026-01-01');
    expect(days.at(-1)).toBe('2026-12-31');
    expect(daysOfYear(2028)).toHaveLength(366);
    expect(daysOfYear(2028)).toContain('2028-02-29');
  });
});
