import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import { today } from '../../platform/clock/clock.js';
import type { FeedQuery, FeedResult } from '../assessment/assessment.feeds.js';

/**
 * Overdue key tasks of a year for the assessment (−1 each, capped by the rubric): leaf tasks of that
 * year's plans that missed a due date (even if finished later) or are past one now. A unit counts the
 * tasks of its org subtree; a leadership member the tasks they lead or own.
 */
export async function overdueTasks(ctx: Ctx, q: FeedQuery): Promise<FeedResult> {
  const day = today(ctx.deps.clock);
  let b = ctx.deps.db
    .selectFrom('duty_task as t')
    .innerJoin('duty_plan as p', (j) => j.onRef('p.tenant_id', '=', 't.tenant_id').onRef('p.id', '=', 't.plan_id'))
    .select(['t.id', 't.number', 't.title'])
    .where('t.tenant_id', '=', ctx.tenantId)
    .where('p.year', '=', q.year)
    .where('t.child_count', '=', 0)
    .where((eb) => eb.or([eb('t.missed', '=', 1), eb('t.due_date', '<', day)]));
  const s = q.subject;
  if (s.kind === 'org') {
    b = b.where(sql<boolean>`t.org_id in (select descendant_id from org_closure where tenant_id = ${ctx.tenantId} and ancestor_id = ${s.orgId})`);
  } else {
    b = b.where((eb) => eb.or([eb('t.leader_person_id', '=', s.personId), eb('t.owner_person_id', '=', s.personId)]));
  }
  const rows = await b.orderBy('p.id').orderBy('t.sort_key').execute();
  return { occurrences: rows.length, value: null, items: rows.map((r) => ({ id: r.id, label: `${r.number} ${r.title}` })) };
}
