import type { RectificationSummary } from '../../../contracts/rectification.js';
import type { Ctx } from '../../platform/context.js';
import { today } from '../../platform/clock/clock.js';
import { allRectifications } from '../rectification/rectification.service.js';
import { registerAssessmentFeed, type FeedQuery, type FeedResult } from './assessment.feeds.js';
import { leaderAreas } from './assessment.repo.js';

export const RECTIFICATION_OVERDUE = 'rectification.overdue';

/**
 * 整改超期: items due in the assessed year, already past due, that were not closed by their due date
 * (still open, or closed late). A unit counts its org subtree; a leader the items naming them as 责任领导
 * and those of the orgs they oversee.
 */
export async function overdueRectifications(ctx: Ctx, q: FeedQuery): Promise<FeedResult> {
  const lists: RectificationSummary[][] = [];
  if (q.subject.kind === 'org') {
    lists.push(await allRectifications(ctx, { orgId: q.subject.orgId }));
  } else {
    const { leaderIds, orgIds } = await leaderAreas(ctx.deps.db, ctx.tenantId, q.subject.personId);
    for (const leaderId of leaderIds) lists.push(await allRectifications(ctx, { leaderId }));
    for (const orgId of orgIds) lists.push(await allRectifications(ctx, { orgId }));
  }
  const day = today(ctx.deps.clock);
  const byId = new Map<string, RectificationSummary>();
  for (const r of lists.flat()) {
    const inYear = r.dueDate.startsWith(`${q.year}-`);
    const late = r.closedAt === null ? r.dueDate < day : r.closedAt.slice(0, 10) > r.dueDate;
    if (inYear && late) byId.set(r.id, r);
  }
  const items = [...byId.values()].sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ id: r.id, label: `${r.code} ${r.title}` }));
  return { occurrences: items.length, value: null, items };
}

registerAssessmentFeed(RECTIFICATION_OVERDUE, overdueRectifications);
