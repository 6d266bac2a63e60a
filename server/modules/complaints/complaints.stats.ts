import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Static } from 'typebox';
import type { ComplaintStats, ComplaintStatsRow as StatsRowSchema } from '../../../contracts/complaints.js';
import type { Ctx, Db, Scope } from '../../platform/context.js';
import { scopeFilter, scopeOf } from '../../platform/access/scope.js';
import { addDays } from '../../platform/clock/calendar.js';
import type { DB } from '../../schema.js';
import { replied } from './complaints.kpi.js';

type ComplaintStatsRow = Static<typeof StatsRowSchema>;

export type StatsDimension = 'org' | 'category' | 'channel' | 'status' | 'month';

export interface StatsRange {
  from?: string;
  to?: string;
}

/**
 * The KPIs of DOMAIN.md per group, over the complaints in the caller's complaint:stats scope (their org or
 * responsible org) submitted in the range:
 * - 回复率 = replied / total (`replied`, shared with the public statistics);
 * - 按期办结率 = closed with the (last) answer on or before its due date / closed — a reporter who rates late
 *   does not make the handler late;
 * - 满意率 = (满意 + 基本满意) / rated, each complaint counted by its latest rating.
 */
const KEYS: Record<StatsDimension, { key: RawBuilder<string>; label: RawBuilder<string | null> }> = {
  org: { key: sql`coalesce(c.responsible_org_id, '')`, label: sql`ro.name` },
  category: { key: sql`c.category_id`, label: sql`cat.name` },
  channel: { key: sql`c.channel`, label: sql`c.channel` },
  status: { key: sql`c.status`, label: sql`c.status` },
  month: { key: sql`substr(c.submitted_at, 1, 7)`, label: sql`substr(c.submitted_at, 1, 7)` },
};

function measured(db: Db, tenantId: string, scope: Scope | null, range: StatsRange) {
  let b = db
    .selectFrom('complaint as c')
    .innerJoin('complaint_category as cat', (j) => j.onRef('cat.tenant_id', '=', 'c.tenant_id').onRef('cat.id', '=', 'c.category_id'))
    .leftJoin('org as ro', (j) => j.onRef('ro.tenant_id', '=', 'c.tenant_id').onRef('ro.id', '=', 'c.responsible_org_id'))
    .where('c.tenant_id', '=', tenantId)
    .where((eb) => {
      const e = eb as unknown as ExpressionBuilder<DB, keyof DB>;
      return e.or([scopeFilter(e, tenantId, scope, { org: 'c.org_id' }, null), scopeFilter(e, tenantId, scope, { org: 'c.responsible_org_id' }, null)]);
    });
  if (range.from) b = b.where('c.submitted_at', '>=', range.from);
  if (range.to) b = b.where('c.submitted_at', '<', addDays(range.to, 1));
  return b;
}

const latestRating = sql<string | null>`(select r.rating from complaint_rating r where r.tenant_id = c.tenant_id and r.complaint_id = c.id order by r.round desc limit 1)`;
const count = (cond: RawBuilder<SqlBool>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
const measures = [
  sql<number>`count(*)`.as('total'),
  count(replied).as('answered'),
  count(sql`c.status = 'closed'`).as('closed'),
  count(sql`c.status = 'closed' and c.due_date is not null and substr(c.answered_at, 1, 10) <= c.due_date`).as('closed_on_time'),
  count(sql`${latestRating} is not null`).as('rated'),
  count(sql`${latestRating} in ('satisfied', 'basically_satisfied')`).as('satisfied'),
] as const;

interface Measured {
  total: number | string;
  answered: number | string | null;
  closed: number | string | null;
  closed_on_time: number | string | null;
  rated: number | string | null;
  satisfied: number | string | null;
}

const rate = (n: number, d: number) => (d ? n / d : 0);

function row(key: string, label: string, m: Measured): ComplaintStatsRow {
  const n = (v: number | string | null) => Number(v ?? 0);
  const [total, answered, closed, closedOnTime, rated, satisfied] = [n(m.total), n(m.answered), n(m.closed), n(m.closed_on_time), n(m.rated), n(m.satisfied)];
  return {
    key, label, total, answered, closedOnTime, closed, rated, satisfied,
    replyRate: rate(answered, total), onTimeRate: rate(closedOnTime, closed), satisfactionRate: rate(satisfied, rated),
  };
}

/** Rows per group (labels: org and category names, otherwise the key, which the web translates) and the totals. */
export async function aggregate(db: Db, tenantId: string, scope: Scope | null, by: StatsDimension, range: StatsRange): Promise<Static<typeof ComplaintStats>> {
  const k = KEYS[by];
  const [groups, totals] = await Promise.all([
    measured(db, tenantId, scope, range)
      .select([k.key.as('k'), k.label.as('label'), ...measures])
      .groupBy([k.key, k.label])
      .orderBy(k.key)
      .execute(),
    measured(db, tenantId, scope, range).select(measures).executeTakeFirstOrThrow(),
  ]);
  return { by, rows: groups.map((g) => row(g.k, g.label ?? '', g)), totals: row('', '', totals) };
}

export function complaintStats(ctx: Ctx, q: { by: StatsDimension } & StatsRange) {
  return aggregate(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'complaint:stats'), q.by, q);
}
