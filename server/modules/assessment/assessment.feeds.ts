import type { Ctx } from '../../platform/context.js';

/** Whom a feed counts for: a unit (its org subtree) or a leadership member (a person). */
export type FeedSubject = { kind: 'org'; orgId: string } | { kind: 'person'; personId: string };

export interface FeedQuery {
  subject: FeedSubject;
  year: number;
}

/**
 * What a feed found: `occurrences` is what a rubric rule multiplies by its points (e.g. 1 when the
 * signing rate is below 100 %, or the number of overdue tasks); `value` an optional measured figure
 * (the rate itself); `items` the records counted, so the 考核小组 can check them (data, not UI text).
 */
export interface FeedResult {
  occurrences: number;
  value: number | null;
  items: { id: string; label: string }[];
}

/**
 * A feed reads its own module's data for one subject and year. It gets a system context of the tenant
 * (tenant-wide, no user scope: the figure must not depend on who refreshes it) and runs outside any
 * transaction, so it reads through ctx.deps.db.
 */
export type AssessmentFeed = (ctx: Ctx, q: FeedQuery) => Promise<FeedResult>;

const feeds = new Map<string, AssessmentFeed>();
const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/**
 * Modules register their feeds when they load (e.g. `registerAssessmentFeed('duty_tasks.overdue', fn)`);
 * a rubric rule names the code. Registering a code twice is a programming error.
 */
export function registerAssessmentFeed(code: string, fn: AssessmentFeed): void {
  if (!CODE.test(code) || code.length > 64) throw new Error(`invalid assessment feed code ${code}`);
  if (feeds.has(code)) throw new Error(`assessment feed ${code} registered twice`);
  feeds.set(code, fn);
}

export function assessmentFeed(code: string): AssessmentFeed | undefined {
  return feeds.get(code);
}

export function assessmentFeedCodes(): string[] {
  return [...feeds.keys()].sort();
}
