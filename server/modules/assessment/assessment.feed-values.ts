import type { FeedValue, RubricDefinition } from '../../../contracts/assessment.js';
import { systemCtx, type Ctx } from '../../platform/context.js';
import { assessmentFeed, type FeedResult, type FeedSubject } from './assessment.feeds.js';

/**
 * Reads every fed rule of a rubric for one subject and year. Runs before the caller's transaction (a feed
 * reads through ctx.deps.db) and as the system, so the counts do not depend on who asked. A feed named by
 * the rubric but not registered in this server counts 0 and says so.
 */
export async function evaluateFeeds(ctx: Ctx, def: RubricDefinition, subject: FeedSubject, year: number): Promise<FeedValue[]> {
  const sys = systemCtx(ctx.deps, ctx.tenantId);
  const rules = [...def.sections.flatMap((s) => s.indicators.flatMap((i) => i.deductions)), ...def.bonuses].filter((r) => r.feed !== null);
  const results = new Map<string, FeedResult | null>();
  for (const feed of new Set(rules.map((r) => r.feed!))) {
    const fn = assessmentFeed(feed);
    results.set(feed, fn ? await fn(sys, { subject, year }) : null);
  }
  return rules.map((r) => {
    const res = results.get(r.feed!) ?? null;
    return {
      rule: r.code,
      feed: r.feed!,
      occurrences: res ? Math.max(0, Math.floor(res.occurrences)) : 0,
      value: res?.value ?? null,
      items: (res?.items ?? []).slice(0, 200),
      known: res !== null,
    };
  });
}

export const feedSubject = (a: { subject_kind: string; org_id: string; person_id: string | null }): FeedSubject =>
  a.subject_kind === 'leader' ? { kind: 'person', personId: a.person_id! } : { kind: 'org', orgId: a.org_id };
