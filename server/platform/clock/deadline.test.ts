import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.js';
import { dueDate, extendDeadline, newDeadline, pauseDeadline, resumeDeadline, type DeadlineExtension } from './deadline.js';

/** 2026: Spring Festival off 02-15..02-23 with make-up Saturdays 02-14 and 02-28; 03-02 is a Monday. */
const cal = new WorkCalendar();
const ext = (days: number): DeadlineExtension => ({ days, reason: 'r', at: '2026-02-20T10:00:00.000+08:00', by: 'u' });

describe('dueDate in working days', () => {
  it('counts working days from the start across the Spring Festival', () => {
    // From Fri 02-13: 02-14 (1), 02-24..27 (2–5), 02-28 (6), Mon 03-02 (7).
    expect(dueDate(cal, newDeadline('2026-02-13', 7, 'working'), '2026-02-13')).toBe('2026-03-02');
    // From Tue 02-10: 02-11 (1), 02-12 (2), 02-13 (3).
    expect(dueDate(cal, newDeadline('2026-02-10', 3, 'working'), '2026-02-10')).toBe('2026-02-13');
  });

  it('adds every extension', () => {
    // 7 + 2 = 9: ... 03-02 (7), 03-03 (8), 03-04 (9).
    const once = extendDeadline(newDeadline('2026-02-13', 7, 'working'), ext(2));
    expect(dueDate(cal, once, '2026-02-13')).toBe('2026-03-04');
    // 7 + 2 + 1 = 10: 03-05.
    const twice = extendDeadline(once, ext(1));
    expect(twice.extensions).toHaveLength(2);
    expect(dueDate(cal, twice, '2026-02-13')).toBe('2026-03-05');
    // From Tue 02-10, 3 + 2 = 5: 02-11, 02-12, 02-13, make-up 02-14 (4), Tue 02-24 (5).
    expect(dueDate(cal, extendDeadline(newDeadline('2026-02-10', 3, 'working'), ext(2)), '2026-02-10')).toBe('2026-02-24');
  });

  it('pushes the due date back by the working days spent paused', () => {
    // From Mon 03-02, 5 days: 03-03..06 (1–4), Mon 03-09 (5).
    const dl = newDeadline('2026-03-02', 5, 'working');
    expect(dueDate(cal, dl, '2026-03-02')).toBe('2026-03-09');
    // Paused (03-04, 03-06]: 03-05 and 03-06 = 2 days, so 7 days: 03-10 (6), 03-11 (7).
    const closed = resumeDeadline(pauseDeadline(dl, '2026-03-04'), '2026-03-06');
    expect(closed.pauses).toEqual([{ from: '2026-03-04', to: '2026-03-06' }]);
    expect(dueDate(cal, closed, '2026-03-20')).toBe('2026-03-11');
  });

  it('lets an open pause run to today', () => {
    const open = pauseDeadline(newDeadline('2026-03-02', 5, 'working'), '2026-03-04');
    // Today 03-04: nothing paused yet, 03-09.
    expect(dueDate(cal, open, '2026-03-04')).toBe('2026-03-09');
    // Today 03-10: (03-04, 03-10] = 03-05, 03-06, 03-09, 03-10 = 4 → 9 days: 03-03..06, 03-09..13 → 03-13.
    expect(dueDate(cal, open, '2026-03-10')).toBe('2026-03-13');
    // A paused weekend costs nothing: today Sat 03-07 → (03-04, 03-07] = 2 → 7 days → 03-11.
    expect(dueDate(cal, open, '2026-03-07')).toBe('2026-03-11');
  });

  it('combines pauses over a holiday with extensions', () => {
    // From Tue 02-10, 3 days, +1 extension, paused (02-13, 02-25] = 02-14, 02-24, 02-25 = 3 → 7 days:
    // 02-11, 02-12, 02-13, 02-14, 02-24, 02-25, 02-26 → 02-26.
    const dl = resumeDeadline(pauseDeadline(extendDeadline(newDeadline('2026-02-10', 3, 'working'), ext(1)), '2026-02-13'), '2026-02-25');
    expect(dueDate(cal, dl, '2026-03-01')).toBe('2026-02-26');
  });
});

describe('dueDate in calendar days', () => {
  it('ignores holidays, and counts extensions and pauses as calendar days', () => {
    const dl = newDeadline('2026-02-10', 10, 'calendar');
    expect(dueDate(cal, dl, '2026-02-10')).toBe('2026-02-20');
    expect(dueDate(cal, extendDeadline(dl, ext(5)), '2026-02-10')).toBe('2026-02-25');
    // Paused 02-12 → 02-15 = 3 days.
    expect(dueDate(cal, resumeDeadline(pauseDeadline(dl, '2026-02-12'), '2026-02-15'), '2026-03-01')).toBe('2026-02-23');
    // Open since 02-12, today 02-14 = 2 days.
    expect(dueDate(cal, pauseDeadline(dl, '2026-02-12'), '2026-02-14')).toBe('2026-02-22');
  });
});

describe('pause history', () => {
  it('keeps one open pause at a time and every closed one', () => {
    let dl = newDeadline('2026-03-02', 10, 'working');
    dl = pauseDeadline(dl, '2026-03-03');
    expect(pauseDeadline(dl, '2026-03-04')).toBe(dl);
    dl = resumeDeadline(dl, '2026-03-05');
    dl = pauseDeadline(dl, '2026-03-10');
    expect(dl.pauses).toEqual([{ from: '2026-03-03', to: '2026-03-05' }, { from: '2026-03-10', to: null }]);
    // 10 days + (03-03, 03-05] 2 + (03-10, 03-12] 2 = 14 from Mon 03-02: 03-03..06 (4), 03-09..13 (9), 03-16..20 (14).
    expect(dueDate(cal, dl, '2026-03-12')).toBe('2026-03-20');
  });
});
