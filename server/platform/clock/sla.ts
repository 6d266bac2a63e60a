import type { WorkCalendar } from './calendar.js';

export type SlaColour = 'blue' | 'yellow' | 'red';

/**
 * SLA rules are data, so each tenant (and each complaint category) can tune them:
 * - elapsed: `since` happened, `until` has not, and more than `workingDays` working days have passed;
 * - overdue: today is past the due date;
 * - counter: a counter (extensions, dissatisfied ratings) exceeds `gt`;
 * - due_within: not yet overdue, and at most `workingDays` working days are left before the due date.
 */
export type SlaRule =
  | { colour: SlaColour; kind: 'elapsed'; since: string; until: string; workingDays: number }
  | { colour: SlaColour; kind: 'overdue' }
  | { colour: SlaColour; kind: 'counter'; counter: string; gt: number }
  | { colour: SlaColour; kind: 'due_within'; workingDays: number };

export interface SlaFacts {
  today: string;
  due?: string | null;
  /** Event name → local date it happened on, or null/absent if it has not. */
  events: Record<string, string | null | undefined>;
  counters?: Record<string, number>;
}

const SEVERITY: Record<SlaColour, number> = { blue: 1, yellow: 2, red: 3 };

function matches(cal: WorkCalendar, rule: SlaRule, f: SlaFacts): boolean {
  switch (rule.kind) {
    case 'overdue':
      return !!f.due && f.today > f.due;
    case 'due_within':
      return !!f.due && f.today <= f.due && cal.workingDaysBetween(f.today, f.due) <= rule.workingDays;
    case 'counter':
      return (f.counters?.[rule.counter] ?? 0) > rule.gt;
    case 'elapsed': {
      const since = f.events[rule.since];
      if (!since || f.events[rule.until]) return false;
      return cal.workingDaysBetween(since, f.today) > rule.workingDays;
    }
  }
}

/** The most severe colour among matching rules, or null when everything is on time. */
export function slaColour(cal: WorkCalendar, rules: SlaRule[], facts: SlaFacts): SlaColour | null {
  let best: SlaColour | null = null;
  for (const r of rules) {
    if (matches(cal, r, facts) && (!best || SEVERITY[r.colour] > SEVERITY[best])) best = r.colour;
  }
  return best;
}
