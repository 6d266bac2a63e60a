import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDraw, drawCommitment, verifyDraw, type PublishedDraw } from '../../../contracts/draw-algorithm.js';
import type { RandomDraw } from '../../../contracts/inspections.js';
import { createWorld, type FixtureOrg, type FixtureUser, type World } from '../../test/world.js';
import { declaredDraw, drawnDraw, personOf, scratchPlan } from './inspections.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

/** An SM3 of our own, not the server's: the check must not trust the code it checks. */
const sm3 = (s: string) => crypto.createHash('sm3').update(s, 'utf8').digest('hex');
const published = (d: RandomDraw) => ({ pool: d.pool, seed: d.seed!, publicEntropy: d.publicEntropy, commitment: d.commitment, selection: d.selection! });
const storedRow = (id: string) => w.deps.db.selectFrom('random_draw').selectAll().where('tenant_id', '=', w.tenantId).where('id', '=', id).executeTakeFirstOrThrow();

describe('declaring a draw', () => {
  it('publishes the pool with each org’s excluded inspectors and SM3 of a seed it keeps secret', async () => {
    const d: RandomDraw = await declaredDraw(w);
    expect(d).toMatchObject({ status: 'committed', seed: null, selection: null, publicEntropy: null, drawnAt: null, algorithm: 'qingfeng-draw-v1 (SM3 rank)' });
    expect(d.commitment).toMatch(/^[0-9a-f]{64}$/);
    const p = (u: FixtureUser) => personOf(w, u);
    const o = (k: FixtureOrg) => w.orgs[k];
    // discipline sits in 局党总支, branchSecretary and staff in 第一党支部, unitOfficer in 闸站管理所, orgOfficer in 办公室.
    expect(d.pool.excluded).toEqual({
      [o('branch1')]: [p('discipline'), p('branchSecretary'), p('staff')].sort(),
      [o('branch2')]: [p('discipline')],
      [o('unitA')]: [p('unitOfficer')],
      [o('unitASection')]: [p('unitOfficer')],
      [o('office')]: [p('orgOfficer')],
    });
    expect(d.pool.orgs.map((x) => x.name).sort()).toEqual(['办公室', '运行股', '闸站管理所', '第一党支部', '第二党支部'].sort());
    const row = await storedRow(d.id);
    expect(row.seed).toBeNull();
    expect(row.seed_enc).not.toMatch(/[0-9a-f]{64}/);
    const listed = (await w.as('secretary').get('/api/inspection-draws')).json().items.find((x: RandomDraw) => x.id === d.id);
    expect(listed).toEqual(d);
  });

  it('counts a membership as belonging, and refuses pools that cannot be drawn', async () => {
    await w.deps.db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: personOf(w, 'orgOfficer'), org_id: w.orgs.unitASection }).execute();
    const d: RandomDraw = await declaredDraw(w);
    expect(d.pool.excluded[w.orgs.unitA]).toEqual([personOf(w, 'orgOfficer'), personOf(w, 'unitOfficer')].sort());
    await w.deps.db.deleteFrom('person_org').where('tenant_id', '=', w.tenantId).where('person_id', '=', personOf(w, 'orgOfficer')).where('org_id', '=', w.orgs.unitASection).execute();

    const tooMany = await w.as('discipline').post('/api/inspection-draws', { purpose: '抽查', orgIds: [w.orgs.office], inspectorIds: [], targetCount: 2, inspectorsPerTarget: 0 });
    expect(tooMany.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'targetCount' } });
    const short = await w.as('discipline').post('/api/inspection-draws', { purpose: '抽查', orgIds: [w.orgs.branch1, w.orgs.office], inspectorIds: [personOf(w, 'staff'), personOf(w, 'orgOfficer')], targetCount: 1, inspectorsPerTarget: 2 });
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'inspectorsPerTarget' } });
    const ghost = await w.as('discipline').post('/api/inspection-draws', { purpose: '抽查', orgIds: [w.orgs.office], inspectorIds: [w.orgs.unitA], targetCount: 1, inspectorsPerTarget: 0 });
    expect(ghost.statusCode).toBe(404);
  });
});

describe('a drawn draw', () => {
  it('reveals the seed whose SM3 was published before, and recomputes from pool and seed alone', async () => {
    const before: RandomDraw = await declaredDraw(w);
    const res = await w.as('discipline').post(`/api/inspection-draws/${before.id}/draw`, { publicEntropy: '2026-03-02 lottery 03 17 22' });
    expect(res.statusCode, res.body).toBe(200);
    const d: RandomDraw = res.json();
    expect(d).toMatchObject({ status: 'drawn', publicEntropy: '2026-03-02 lottery 03 17 22', commitment: before.commitment, pool: before.pool });
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3(`qingfeng-draw-seed|${d.seed}`)).toBe(before.commitment);
    expect(d.selection).toEqual(computeDraw(sm3, before.pool, d.seed!, d.publicEntropy));
    expect(d.selection).toHaveLength(2);
    expect(verifyDraw(sm3, published(d))).toMatchObject({ commitmentMatches: true, selectionMatches: true });
    expect((await w.as('secretary').get(`/api/inspection-draws/${d.id}`)).json()).toEqual(d);

    const verified = await w.as('secretary').post('/api/inspection-draws/verify', published(d));
    expect(verified.json()).toEqual({ commitmentMatches: true, selectionMatches: true, recomputed: d.selection });
    const audit = await w.deps.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', 'like', 'draw.%').where('object_id', '=', d.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['draw.declare', 'draw.execute']);
  });

  it('fails verification when any published part is changed', async () => {
    const d: RandomDraw = await drawnDraw(w);
    const other = sm3('another seed');
    const swapped = [...d.selection!].reverse();
    const forged = { ...d.selection![0]!, orgId: d.pool.orgs.find((o) => !d.selection!.some((s) => s.orgId === o.id))!.id };
    const cases: [Partial<PublishedDraw>, { commitmentMatches: boolean; selectionMatches: boolean }][] = [
      [{ seed: other }, { commitmentMatches: false, selectionMatches: false }],
      [{ seed: other, commitment: drawCommitment(sm3, other) }, { commitmentMatches: true, selectionMatches: false }],
      [{ commitment: sm3('x') }, { commitmentMatches: false, selectionMatches: true }],
      [{ selection: swapped }, { commitmentMatches: true, selectionMatches: false }],
      [{ selection: [forged, ...d.selection!.slice(1)] }, { commitmentMatches: true, selectionMatches: false }],
      [{ publicEntropy: 'other' }, { commitmentMatches: true, selectionMatches: false }],
      [{ pool: { ...d.pool, targetCount: 3 } }, { commitmentMatches: true, selectionMatches: false }],
    ];
    for (const [change, expected] of cases) {
      const res = await w.as('discipline').post('/api/inspection-draws/verify', { ...published(d), ...change });
      expect(res.json(), JSON.stringify(change)).toMatchObject(expected);
      expect(verifyDraw(sm3, { ...published(d), ...change })).toMatchObject(expected);
    }
  });

  it('is made once: the route refuses a second draw and the stored draw stays as it was', async () => {
    const d: RandomDraw = await drawnDraw(w);
    const row = await storedRow(d.id);
    const again = await w.as('discipline').post(`/api/inspection-draws/${d.id}/draw`, { publicEntropy: 'retry' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.params.reason).toBe('already_drawn');
    expect(await storedRow(d.id)).toEqual(row);
  });

  it('never sends an inspector to an org in their own chain', async () => {
    const chainOf = async (org: string) =>
      new Set(
        (await w.deps.db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id']).where('tenant_id', '=', w.tenantId).where((eb) => eb.or([eb('ancestor_id', '=', org), eb('descendant_id', '=', org)])).execute()).flatMap((l) => [l.ancestor_id, l.descendant_id]),
      );
    const homes = new Map((['discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'] as const).map((u) => [personOf(w, u), w.orgs[({ discipline: 'generalBranch', orgOfficer: 'office', unitOfficer: 'unitA', branchSecretary: 'branch1', staff: 'branch1' } as const)[u]]]));
    let assignments = 0;
    for (let i = 0; i < 8; i += 1) {
      const d: RandomDraw = await drawnDraw(w, { targetCount: 5, inspectorsPerTarget: 2 });
      for (const pick of d.selection!) {
        const chain = await chainOf(pick.orgId);
        expect(pick.inspectorIds).toHaveLength(2);
        for (const inspector of pick.inspectorIds) {
          expect(chain.has(homes.get(inspector)!), `${inspector} sent to ${pick.orgId}`).toBe(false);
          assignments += 1;
        }
      }
    }
    expect(assignments).toBe(80);
  });

  it('fills its plan’s targets and inspectors, which then cannot be changed by hand', async () => {
    const plan = await scratchPlan(w, { kind: 'random_check', targets: [], inspectors: [] });
    const declared: RandomDraw = await declaredDraw(w, { planId: plan.id });
    expect((await w.as('discipline').get(`/api/inspection-plans/${plan.id}`)).json().drawId).toBe(declared.id);
    expect((await w.as('discipline').post('/api/inspection-draws', { purpose: '再抽一次', planId: plan.id, orgIds: [w.orgs.office], inspectorIds: [], targetCount: 1, inspectorsPerTarget: 0 })).statusCode).toBe(409);
    const d: RandomDraw = (await w.as('discipline').post(`/api/inspection-draws/${declared.id}/draw`, {})).json();
    const after = (await w.as('discipline').get(`/api/inspection-plans/${plan.id}`)).json();
    expect(after.targets.map((t: { id: string }) => t.id).sort()).toEqual(d.selection!.map((s) => s.orgId).sort());
    expect(after.inspectors.map((t: { id: string }) => t.id).sort()).toEqual([...new Set(d.selection!.flatMap((s) => s.inspectorIds))].sort());
    const manual = await w.as('discipline').patch(`/api/inspection-plans/${plan.id}`, { targetOrgIds: [w.orgs.office] });
    expect(manual.statusCode).toBe(409);
    expect((await w.as('discipline').patch(`/api/inspection-plans/${plan.id}`, { status: 'active' })).statusCode).toBe(200);
  });
});

describe('the database keeps a published draw fixed', () => {
  const refused = async (statement: ReturnType<typeof sql>) => {
    await expect(statement.execute(w.deps.db)).rejects.toThrow(/random_draw is frozen/);
  };

  it('refuses changing the pool or the commitment, and deleting, before the draw', async () => {
    const d: RandomDraw = await declaredDraw(w);
    const row = await storedRow(d.id);
    await refused(sql`update random_draw set pool = ${JSON.stringify({ ...d.pool, targetCount: 1 })} where id = ${d.id}`);
    await refused(sql`update random_draw set commitment = ${sm3('chosen seed')} where id = ${d.id}`);
    await refused(sql`update random_draw set seed_enc = ${'x'} where id = ${d.id}`);
    await refused(sql`delete from random_draw where id = ${d.id}`);
    expect(await storedRow(d.id)).toEqual(row);
  });

  it('refuses any change to the revealed seed, the selection or the state, and deleting, after it', async () => {
    const d: RandomDraw = await drawnDraw(w);
    const row = await storedRow(d.id);
    await refused(sql`update random_draw set seed = ${sm3('chosen seed')} where id = ${d.id}`);
    await refused(sql`update random_draw set selection = ${JSON.stringify([...d.selection!].reverse())} where id = ${d.id}`);
    await refused(sql`update random_draw set status = 'committed', seed = null, selection = null where id = ${d.id}`);
    await refused(sql`update random_draw set public_entropy = ${'other'} where id = ${d.id}`);
    await refused(sql`delete from random_draw where id = ${d.id}`);
    if (w.deps.dialect === 'postgres') await refused(sql`truncate random_draw cascade`);
    expect(await storedRow(d.id)).toEqual(row);
  });
});
