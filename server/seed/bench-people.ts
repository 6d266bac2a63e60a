import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { PersonTable } from '../modules/people/people.tables.js';
import { writeAuditAlone } from '../platform/audit/audit.js';
import { nowIso } from '../platform/clock/clock.js';
import { newId } from '../platform/db/ids.js';
import { seal } from '../modules/people/people.service.js';
import { makeMobile } from './id-number.js';
import { makeName } from './names.js';
import { seededRng } from './prng.js';

/** Rows per INSERT and per transaction: 16 columns × 500 stays far below both databases' parameter limits. */
const BATCH = 500;

/** Administrative units to spread people over; party orgs hold members, not staff. */
async function targetOrgs(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.deps.db
    .selectFrom('org')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('kind', 'in', ['subordinate_unit', 'section'])
    .orderBy('sort')
    .execute();
  return rows.map((r) => r.id);
}

export interface BenchResult {
  people: number;
  ms: number;
}

/**
 * Bulk people for load tests: multi-row inserts in batch transactions, each mobile sealed and indexed
 * exactly as the people service does (same AAD and blind index), one audit event for the whole run.
 */
export async function generateBenchPeople(ctx: Ctx, count: number): Promise<BenchResult | null> {
  const orgs = await targetOrgs(ctx);
  if (!orgs.length) return null;
  const started = Date.now();
  const existing = await ctx.deps.db.selectFrom('person').select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', ctx.tenantId).executeTakeFirstOrThrow();
  const rng = seededRng(Number(existing.n) + count);
  const at = nowIso(ctx.deps.clock);
  for (let done = 0; done < count; done += BATCH) {
    const people: PersonTable[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const id = newId();
      const gender = rng.chance(0.6) ? 'male' : 'female';
      const member = rng.chance(0.7);
      const born = rng.int(1965, 2002);
      const mobile = seal(ctx, id, 'mobile', makeMobile(rng));
      people.push({
        tenant_id: ctx.tenantId, id, name: makeName(rng, gender), gender, birth_date: `${born}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        political_status: member ? 'cpc_member' : 'masses', party_join_date: member ? `${born + rng.int(20, 30)}-07-01` : null,
        id_number_enc: null, id_number_bidx: null, mobile_enc: mobile.enc, mobile_bidx: mobile.bidx,
        primary_org_id: orgs[i % orgs.length]!, status: 'active', created_at: at, updated_at: at,
      });
    }
    await ctx.deps.db.transaction().execute(async (tx) => {
      await tx.insertInto('person').values(people).execute();
      await tx.insertInto('person_org').values(people.map((p) => ({ tenant_id: p.tenant_id, person_id: p.id, org_id: p.primary_org_id, is_primary: 1 as const }))).execute();
    });
  }
  await writeAuditAlone(ctx, { action: 'bench.generate', objectType: 'person', details: { people: count } });
  return { people: count, ms: Date.now() - started };
}
