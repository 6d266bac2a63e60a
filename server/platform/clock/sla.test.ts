import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.js';
import { slaColour, type SlaRule } from './sla.js';

/** The complaint defaults of DOMAIN.md; 2026 Spring Festival off 02-15..02-23, make-up Sat 02-14. */
const cal = new WorkCalendar();
const rules: SlaRule[] = [
  { colour: 'blue', kind: 'elapsed', since: 'submitted', until: 'assigned', workingDays: 3 },
  { colour: 'yellow', kind: 'elapsed', since: 'dispatched', until: 'answered', workingDays: 5 },
  { colour: 'red', kind: 'overdue' },
  { colour: 'red', kind: 'counter', counter: 'extensions', gt: 2 },
  { colour: 'red', kind: 'counter', counter: 'dissatisfied', gt: 1 },
];

describe('elapsed rules', () => {
  it('count working days, so the festival does not turn a fresh complaint blue', () => {
    const facts = (today: string) => ({ today, events: { submitted: '2026-02-12' } });
    // (02-12, 02-24] = 02-13, make-up 02-14, 02-24 = 3: not more than 3.
    expect(slaColour(cal, rules, facts('2026-02-24'))).toBeNull();
    // (02-12, 02-25] = 4 > 3.
    expect(slaColour(cal, rules, facts('2026-02-25'))).toBe('blue');
  });

  it('stop once the closing event happened', () => {
    expect(slaColour(cal, rules, { today: '2026-02-25', events: { submitted: '2026-02-12', assigned: '2026-02-13' } })).toBeNull();
  });

  it('need the starting event', () => {
    expect(slaColour(cal, rules, { today: '2026-06-01', events: { submitted: null } })).toBeNull();
  });

  it('turn yellow after 5 working days without an answer', () => {
    const facts = (today: string) => ({ today, events: { submitted: '2026-03-02', assigned: '2026-03-02', dispatched: '2026-03-02' } });
    // (03-02, 03-09] = 03-03..06, 03-09 = 5.
    expect(slaColour(cal, rules, facts('2026-03-09'))).toBeNull();
    expect(slaColour(cal, rules, facts('2026-03-10'))).toBe('yellow');
  });
});

describe('overdue and counter rules', () => {
  it('turn red the day after the due date', () => {
    expect(slaColour(cal, rules, { today: '2026-03-10', due: '2026-03-10', events: {} })).toBeNull();
    expect(slaColour(cal, rules, { today: '2026-03-11', due: '2026-03-10', events: {} })).toBe('red');
    expect(slaColour(cal, rules, { today: '2026-03-11', due: null, events: {} })).toBeNull();
  });

  it('turn red when a counter exceeds its bound', () => {
    expect(slaColour(cal, rules, { today: '2026-03-02', events: {}, counters: { extensions: 2 } })).toBeNull();
    expect(slaColour(cal, rules, { today: '2026-03-02', events: {}, counters: { extensions: 3 } })).toBe('red');
    expect(slaColour(cal, rules, { today: '2026-03-02', events: {}, counters: { dissatisfied: 1 } })).toBeNull();
    expect(slaColour(cal, rules, { today: '2026-03-02', events: {}, counters: { dissatisfied: 2 } })).toBe('red');
  });
});

describe('severity', () => {
  const both = { today: '2026-03-20', events: { submitted: '2026-03-02', dispatched: '2026-03-02' } };

  it('picks the most severe matching colour whatever the rule order', () => {
    expect(slaColour(cal, rules, both)).toBe('yellow');
    expect(slaColour(cal, [...rules].reverse(), both)).toBe('yellow');
    expect(slaColour(cal, rules, { ...both, due: '2026-03-19' })).toBe('red');
    expect(slaColour(cal, [...rules].reverse(), { ...both, due: '2026-03-19' })).toBe('red');
  });

  it('uses the calendar it is given', () => {
    // A local closure on 03-03..03-06 holds the complaint at 1 working day by 03-09.
    const closed = new WorkCalendar(['03', '04', '05', '06'].map((d) => ({ date: `2026-03-${d}`, kind: 'holiday' as const })));
    const facts = { today: '2026-03-09', events: { submitted: '2026-03-02' } };
    expect(slaColour(cal, rules, facts)).toBe('blue');
    expect(slaColour(closed, rules, facts)).toBeNull();
  });

  it('is null with no rules', () => {
    expect(slaColour(cal, [], both)).toBeNull();
  });
});

describe('due_within rule', () => {
  const cal = new WorkCalendar();
  const rules: SlaRule[] = [
    { colour: 'yellow', kind: 'due_within', workingDays: 2 },
    { colour: 'red', kind: 'overdue' },
  ];
  it('warns inside the last working days before the due date, across the Spring Festival', () => {
    // Due 2026-02-24 (first working day after the holiday 02-15..02-23); 02-13 (Fri) leaves 02-14 (make-up workday) and 02-24.
    expect(slaColour(cal, rules, { today: '2026-02-12', due: '2026-02-24', events: {} })).toBeNull();
    expect(slaColour(cal, rules, { today: '2026-02-13', due: '2026-02-24', events: {} })).toBe('yellow');
    expect(slaColour(cal, rules, { today: '2026-02-24', due: '2026-02-24', events: {} })).toBe('yellow');
    expect(slaColour(cal, rules, { today: '2026-02-25', due: '2026-02-24', events: {} })).toBe('red');
  });
});
