import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating } from '../../../../contracts/complaints.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { forgetSettings } from '../../../platform/settings/settings.js';
import { createWorld, type World } from '../../../test/world.js';
import { PORTAL, portalMatter, seededComplaint } from './portal.fixtures.js';
import { CATALOGUE_TTL_MS, STATS_TTL_MS } from './public-reads.service.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/** The outcome the staff workflow leaves: answered, then rated round by round (tables written directly). */
async function answeredAndRated(id: string, ratings: Rating[]): Promise<void> {
  const at = nowIso(w.clock);
  await w.deps.db.updateTable('complaint').set({ status: ratings.length ? 'rated' : 'answered', answered_at: at }).where('id', '=', id).execute();
  for (const [i, rating] of ratings.entries()) {
    await w.deps.db.insertInto('complaint_rating').values({ tenant_id: w.tenantId, id: newId(), complaint_id: id, round: i + 1, rating, comment_enc: null, at }).execute();
  }
}

describe('GET /api/portal/complaints/catalogue', () => {
  it('lists enabled categories with enabled matters and the active orgs, ids, names and parents only', async () => {
    const shown = await portalMatter(w);
    const hiddenMatter = await portalMatter(w, 'portal_retired', '已停用事项类');
    await w.deps.db.updateTable('complaint_matter').set({ enabled: 0 }).where('id', '=', hiddenMatter.matterId).execute();
    const off = await portalMatter(w, 'portal_off', '已停用大类');
    await w.deps.db.updateTable('complaint_category').set({ enabled: 0 }).where('id', '=', off.categoryId).execute();
    await w.deps.db.updateTable('org').set({ status: 'archived' }).where('id', '=', w.orgs.branch2).execute();
    w.clock.advance(CATALOGUE_TTL_MS);

    const res = await w.as(null).get(`${PORTAL}/catalogue`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as { categories: { id: string; matters: { id: string; orgId: string }[] }[]; orgs: Record<string, unknown>[] };
    expect(body.categories.map((c) => c.id)).toEqual([shown.categoryId]);
    expect(body.categories[0]!.matters).toEqual([{ id: shown.matterId, name: '补贴发放', description: '', orgId: w.orgs.unitA }]);
    expect(body.orgs.map((o) => o.id)).not.toContain(w.orgs.branch2);
    expect(body.orgs).toContainEqual({ id: w.orgs.unitASection, name: '运行股', parentId: w.orgs.unitA });
    for (const o of body.orgs) expect(Object.keys(o).sort()).toEqual(['id', 'name', 'parentId']);
  });

  it('is kept per tenant for a few seconds: an edit shows once that time is over', async () => {
    const m = await portalMatter(w);
    const before = (await w.as(null).get(`${PORTAL}/catalogue`)).json();
    await w.deps.db.updateTable('complaint_matter').set({ name: '补贴发放（更名）' }).where('id', '=', m.matterId).execute();
    expect((await w.as('staff').get(`${PORTAL}/catalogue`)).json()).toEqual(before);
    w.clock.advance(CATALOGUE_TTL_MS);
    expect(JSON.stringify((await w.as(null).get(`${PORTAL}/catalogue`)).json())).toContain('补贴发放（更名）');
  });

  it('states the upload limit the intake enforces, following system.uploads.maxMegabytes', async () => {
    await portalMatter(w);
    w.clock.advance(CATALOGUE_TTL_MS);
    expect((await w.as(null).get(`${PORTAL}/catalogue`)).json()).toMatchObject({ maxUploadMegabytes: 20 });
    expect((await w.as('sysadmin').put('/api/settings/system.uploads.maxMegabytes', { value: 7 })).statusCode).toBe(200);
    try {
      w.clock.advance(CATALOGUE_TTL_MS);
      expect((await w.as(null).get(`${PORTAL}/catalogue`)).json()).toMatchObject({ maxUploadMegabytes: 7 });
    } finally {
      await w.deps.db.deleteFrom('setting').where('tenant_id', '=', w.tenantId).where('key', '=', 'system.uploads.maxMegabytes').execute();
      forgetSettings(w.tenantId);
    }
  });
});

describe('GET /api/portal/complaints/stats', () => {
  it('gives counts and rates per org and category, hiding small cells and enough others that none can be worked out', async () => {
    const a = await portalMatter(w, 'stats_a', '三资管理');
    const b = await portalMatter(w, 'stats_b', '小微工程');
    const at = async (orgId: string, matterId: string) => (await seededComplaint(w, { orgId, matterId })).id;
    const unitA: string[] = [];
    for (let i = 0; i < 7; i += 1) unitA.push(await at(w.orgs.unitA, a.matterId));
    for (let i = 0; i < 6; i += 1) await at(w.orgs.branch1, a.matterId);
    for (let i = 0; i < 2; i += 1) await at(w.orgs.office, b.matterId);
    await answeredAndRated(unitA[0]!, ['satisfied']);
    await answeredAndRated(unitA[1]!, ['basically_satisfied']);
    await answeredAndRated(unitA[2]!, ['dissatisfied', 'satisfied']);
    await answeredAndRated(unitA[3]!, ['basically_satisfied']);
    await answeredAndRated(unitA[4]!, ['dissatisfied']);
    w.clock.advance(STATS_TTL_MS);

    const res = await w.as(null).get(`${PORTAL}/stats`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.minimumCell).toBe(5);
    expect(stats.byOrg).toEqual([
      { label: '第一党支部', total: null, replyRate: null, satisfactionRate: null, suppressed: true },
      { label: '闸站管理所', total: 7, replyRate: 0.714, satisfactionRate: 0.8, suppressed: false },
      { label: '办公室', total: null, replyRate: null, satisfactionRate: null, suppressed: true },
    ]);
    expect(stats.byCategory).toEqual([
      { label: '三资管理', total: null, replyRate: null, satisfactionRate: null, suppressed: true },
      { label: '小微工程', total: null, replyRate: null, satisfactionRate: null, suppressed: true },
    ]);

    await w.deps.db.insertInto('setting').values({ tenant_id: w.tenantId, key: 'system.complaint.publicStatsMinCell', value: '2', updated_at: nowIso(w.clock), updated_by: null }).execute();
    forgetSettings(w.tenantId);
    await at(w.orgs.office, b.matterId);
    expect((await w.as(null).get(`${PORTAL}/stats`)).json(), 'kept for a few seconds').toEqual(stats);
    w.clock.advance(STATS_TTL_MS);
    const lower = (await w.as(null).get(`${PORTAL}/stats`)).json();
    expect(lower.minimumCell).toBe(2);
    expect(lower.byOrg.map((r: { total: number | null }) => r.total)).toEqual([6, 7, 3]);
    expect(lower.byCategory.map((r: { total: number | null }) => r.total)).toEqual([13, 3]);
  });
});
