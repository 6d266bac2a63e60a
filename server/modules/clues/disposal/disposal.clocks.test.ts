import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../contracts/settings.js';
import { WorkCalendar } from '../../../platform/clock/calendar.js';
import { clueClocks, defaultCheckDeadline, nextClock, type ClueClockFacts } from './disposal.clocks.js';

/**
 * National data (chinese-days) knows 2026: Mid-Autumn off Fri 09-25 … Sun 09-27, National Day off Thu 10-01 …
 * Wed 10-07, make-up workdays Sun 09-20 and Sat 10-10. It has no 2027 yet, so Spring Festival 2027 is entered
 * the way an administrator does each December, as overrides: off Mon 02-08 … Fri 02-12 (the festival itself,
 * Sat 02-06, is a weekend), make-up workday Sat 02-20. 2027-02-01 is a Monday.
 */
const national = new WorkCalendar();
const withSpring2027 = new WorkCalendar([
  ...['08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday' as const })),
  { date: '2027-02-20', kind: 'workday' },
]);
const settings = defaultSettings();

const base: ClueClockFacts = {
  status: 'accepted', named: true, receivedOn: '2026-09-24', forwardedUpOn: null, forwardedDownOn: null, acknowledgedOn: null,
  acceptanceNoticeOn: null, replyFrom: null, replyEndorsedOn: null, checkDeadline: null, checkReportedOn: null, shelveReviewOn: null,
  shelveReviewedOn: null, closedOn: null, resultNoticeOn: null, checkinOptIn: false, checkinDoneOn: null,
};
const clock = (cal: WorkCalendar, f: Partial<ClueClockFacts>, today: string, kind: string) => clueClocks(cal, settings, { ...base, ...f }, today).find((c) => c.kind === kind);

describe('the 15 + 15 promise to a named reporter across holidays', () => {
  it('acceptance notice: received Thu 2026-09-24, before Mid-Autumn and National Day, is due Thu 10-22', () => {
    // 09-28, 29, 30, 10-08, 09, 10 (Sat, make-up), 12 … 16, 19 … 22: the fifteenth working day.
    expect(clock(national, {}, '2026-09-24', 'acceptance_notice')).toEqual({ kind: 'acceptance_notice', due: '2026-10-22', doneOn: null, colour: null });
    expect(clock(national, {}, '2026-10-20', 'acceptance_notice')?.colour).toBe('yellow');
    expect(clock(national, {}, '2026-10-23', 'acceptance_notice')?.colour).toBe('red');
    expect(clock(national, { acceptanceNoticeOn: '2026-10-22' }, '2026-11-01', 'acceptance_notice')?.colour).toBeNull();
    expect(clock(national, { acceptanceNoticeOn: '2026-10-23' }, '2026-11-01', 'acceptance_notice')?.colour).toBe('red');
  });

  it('result notice: 办结 Wed 2027-02-03, before Spring Festival 2027, is due Tue 03-02', () => {
    // 02-04, 05, then 02-15 … 19, 20 (Sat, make-up), 22 … 26, 03-01, 03-02.
    const c = clock(withSpring2027, { status: 'closed', closedOn: '2027-02-03' }, '2027-02-03', 'result_notice');
    expect(c?.due).toBe('2027-03-02');
    // Without the administrator's overrides the same promise would wrongly end on Wed 02-24.
    expect(clock(national, { status: 'closed', closedOn: '2027-02-03' }, '2027-02-03', 'result_notice')?.due).toBe('2027-02-24');
  });

  it('no acceptance notice for a repeat, an anonymous clue or a forwarded one; no result notice when anonymous', () => {
    for (const status of ['repeat', 'forwarded_up', 'forwarded_down'] as const) expect(clock(national, { status }, '2026-09-24', 'acceptance_notice')).toBeUndefined();
    expect(clock(national, { named: false }, '2026-09-24', 'acceptance_notice')).toBeUndefined();
    expect(clock(national, { named: false, status: 'closed', closedOn: '2026-10-09' }, '2026-10-09', 'result_notice')).toBeUndefined();
  });
});

describe('scope clocks', () => {
  it('forward up within 5 working days of receipt, across National Day', () => {
    // Received Wed 09-30: 10-08, 09, 10 (make-up), 12, 13.
    expect(clock(national, { status: 'registered', receivedOn: '2026-09-30' }, '2026-09-30', 'forward_up')?.due).toBe('2026-10-13');
    expect(clock(national, { status: 'forwarded_up', receivedOn: '2026-09-30', forwardedUpOn: '2026-10-14' }, '2026-10-14', 'forward_up')).toMatchObject({ doneOn: '2026-10-14', colour: 'red' });
    expect(clock(national, { status: 'accepted', receivedOn: '2026-09-30' }, '2026-09-30', 'forward_up')).toBeUndefined();
  });

  it('lower level acknowledges within 5 working days of forwarding', () => {
    // Forwarded Thu 09-24: Fri 09-25 is Mid-Autumn, then 09-28, 29, 30, 10-08, 09.
    expect(clock(national, { status: 'forwarded_down', forwardedDownOn: '2026-09-24' }, '2026-09-24', 'forward_ack')?.due).toBe('2026-10-09');
  });
});

describe('disposal clocks', () => {
  it('谈话函询: the endorsed reply is due 15 working days after the talk or letter', () => {
    // Letter sent Fri 09-18: 09-20 (Sun, make-up), 21 … 24, 28, 29, 30, 10-08, 09, 10 (make-up), 12 … 15.
    expect(clock(national, { status: 'in_disposal', replyFrom: '2026-09-18' }, '2026-09-18', 'reply')?.due).toBe('2026-10-15');
    expect(clock(national, { status: 'in_disposal', replyFrom: '2026-09-18', replyEndorsedOn: '2026-10-15' }, '2026-10-20', 'reply')?.colour).toBeNull();
    expect(clock(national, { status: 'in_disposal', replyFrom: '2026-09-18', replyEndorsedOn: '2026-10-16' }, '2026-10-20', 'reply')?.colour).toBe('red');
  });

  it('初步核实: default deadline 30 working days from the plan; an extension replaces it', () => {
    // Planned Tue 09-01: 21 weekdays to 09-30, less Fri 09-25 (Mid-Autumn), plus Sun 09-20 (make-up) make 21,
    // then 10-08, 09, 10 (make-up), 12 … 16, 19.
    const due = defaultCheckDeadline(national, '2026-09-01', settings['system.clue.preliminaryCheckWorkingDays']);
    expect(due).toBe('2026-10-19');
    expect(clock(national, { status: 'in_disposal', checkDeadline: due }, '2026-10-20', 'preliminary_check')?.colour).toBe('red');
    expect(clock(national, { status: 'in_disposal', checkDeadline: '2026-11-30' }, '2026-10-21', 'preliminary_check')?.colour).toBeNull();
  });

  it('暂存待查: the review date is the clock', () => {
    expect(clock(national, { status: 'shelved', shelveReviewOn: '2026-12-01' }, '2026-11-30', 'shelve_review')).toMatchObject({ due: '2026-12-01', colour: 'yellow' });
    expect(clock(national, { status: 'accepted', shelveReviewOn: '2026-12-01', shelveReviewedOn: '2026-12-01' }, '2026-12-05', 'shelve_review')?.colour).toBeNull();
  });

  it('retaliation check-in runs in calendar days after 办结, for reporters who opted in only', () => {
    expect(clock(national, { status: 'closed', closedOn: '2026-09-24' }, '2026-09-24', 'retaliation_checkin')).toBeUndefined();
    expect(clock(national, { status: 'closed', closedOn: '2026-09-24', checkinOptIn: true }, '2026-09-24', 'retaliation_checkin')?.due).toBe('2026-12-23');
  });

  it('the next clock is the open one due first', () => {
    const clocks = clueClocks(national, settings, { ...base, status: 'in_disposal', replyFrom: '2026-09-18', checkDeadline: '2026-10-01' }, '2026-09-24');
    expect(nextClock(clocks)?.kind).toBe('preliminary_check');
    expect(nextClock(clocks.map((c) => ({ ...c, doneOn: '2026-09-24' })))).toBeNull();
  });
});
