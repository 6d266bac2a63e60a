import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { FeedQuery, FeedResult } from '../assessment/assessment.feeds.js';

export const LETTER_SIGNING_RATE = 'duty_letters.signing_rate';

/**
 * 责任书签订率 for the assessment (建设局 table: < 100 % → −2): the year's current letters of a unit's org subtree,
 * or those a member is a party to. One occurrence when any of them is not fully signed; `value` is the rate, null
 * when none was issued (nothing to sign is no shortfall the feed can see); `items` the letters still unsigned.
 */
export async function letterSigningRate(ctx: Ctx, q: FeedQuery): Promise<FeedResult> {
  const s = q.subject;
  let b = ctx.deps.db
    .selectFrom('duty_letter as l')
    .select(['l.id', 'l.code', 'l.title', 'l.status'])
    .where('l.tenant_id', '=', ctx.tenantId)
    .where('l.year', '=', q.year)
    .where(sql<SqlBool>`not exists (select 1 from duty_letter n where n.tenant_id = l.tenant_id and n.revision_of = l.id)`);
  b =
    s.kind === 'org'
      ? b.where(sql<SqlBool>`l.org_id in (select descendant_id from org_closure where tenant_id = ${ctx.tenantId} and ancestor_id = ${s.orgId})`)
      : b.where(sql<SqlBool>`exists (select 1 from duty_letter_party p where p.tenant_id = l.tenant_id and p.letter_id = l.id and p.person_id = ${s.personId})`);
  const rows = await b.orderBy('l.code').execute();
  if (!rows.length) return { occurrences: 0, value: null, items: [] };
  const open = rows.filter((r) => r.status !== 'signed');
  return { occurrences: open.length ? 1 : 0, value: (rows.length - open.length) / rows.length, items: open.map((r) => ({ id: r.id, label: `${r.code} ${r.title}` })) };
}
