import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetGrants } from '../../platform/access/actor.js';
import { nowIso } from '../../platform/clock/clock.js';
import { readWorkbook } from '../../platform/excel/excel.js';
import { newId } from '../../platform/db/ids.js';
import { seededRng } from '../../seed/prng.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';

/**
 * The list answers in parts (per primary org, members from elsewhere, the reader's own record) and pages
 * each part on its own; here every page and total is checked against the plain definition, computed from
 * the stored rows: a person is listed when an org they belong to — their primary org or any other — is in
 * the reader's scope (or it is the reader, under a self scope) and, with an org filter, when an org they
 * belong to is in that subtree.
 */
let w: World;
/** Enough orgs under one unit that a filter on it goes past the per-org split. */
const EXTRA_SECTIONS = 45;
const PAGE_SIZE = 7;

interface Stored {
  id: string;
  name: string;
  primaryOrgId: string;
  status: 'active' | 'left';
  memberOf: Set<string>;
}

let people: Stored[] = [];
let closure: Map<string, Set<string>>;
let extraUnit: string;

async function addOrg(parentId: string, name: string, kind: 'subordinate_unit' | 'section'): Promise<string> {
  const id = newId();
  const at = nowIso(w.clock);
  await w.deps.db.insertInto('org').values({ tenant_id: w.tenantId, id, parent_id: parentId, kind, name, short_name: name, code: null, sort: 900, status: 'active', created_at: at, updated_at: at }).execute();
  const ancestors = await w.deps.db.selectFrom('org_closure').selectAll().where('tenant_id', '=', w.tenantId).where('descendant_id', '=', parentId).execute();
  await w.deps.db
    .insertInto('org_closure')
    .values([{ tenant_id: w.tenantId, ancestor_id: id, descendant_id: id, depth: 0 }, ...ancestors.map((a) => ({ tenant_id: w.tenantId, ancestor_id: a.ancestor_id, descendant_id: id, depth: a.depth + 1 }))])
    .execute();
  return id;
}

beforeAll(async () => {
  w = await createWorld();
  const db = w.deps.db;
  extraUnit = await addOrg(w.orgs.bureau, '测试管理所', 'subordinate_unit');
  const sections: string[] = [];
  for (let i = 0; i < EXTRA_SECTIONS; i++) sections.push(await addOrg(extraUnit, `测试股${i}`, 'section'));
  const orgIds = [...Object.values(w.orgs), extraUnit, ...sections];

  const rng = seededRng(20260302);
  const at = nowIso(w.clock);
  // Few names, so that many people share one and the id decides their order.
  const names = ['王芳', '李强', '张伟', '刘洋', 'Anna', 'anna', '陈静'];
  for (let i = 0; i < 160; i++) {
    const id = newId();
    // The first people live in the fixture tree and are members across it, so that every reader sees some from elsewhere.
    const near = i < 60 ? Object.values(w.orgs) : orgIds;
    const primary = rng.pick(near);
    // Half of them also belong to a party org, as party members belong to a 党支部 beside their unit.
    const party = rng.chance(0.5) ? [rng.pick([w.orgs.generalBranch, w.orgs.branch1, w.orgs.branch2])] : [];
    const extra = [...Array.from({ length: rng.int(0, 2) }, () => rng.pick(near)), ...party].filter((o) => o !== primary);
    await db.insertInto('person').values({
      tenant_id: w.tenantId, id, name: rng.pick(names), gender: rng.chance(0.5) ? 'male' : 'female', birth_date: null, political_status: 'masses',
      party_join_date: null, id_number_enc: null, id_number_bidx: null, mobile_enc: null, mobile_bidx: null, primary_org_id: primary,
      status: rng.chance(0.8) ? 'active' : 'left', created_at: at, updated_at: at,
    }).execute();
    await db.insertInto('person_org').values([...new Set([primary, ...extra])].map((org_id) => ({ tenant_id: w.tenantId, person_id: id, org_id, is_primary: org_id === primary ? 1 : 0 }))).execute();
  }
  // The self-scoped reader is also a member of a section outside their own branch.
  await db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: w.users.staff.personId!, org_id: w.orgs.unitASection }).execute();
  const leader = await db.selectFrom('role').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', 'leader').executeTakeFirstOrThrow();
  await db.insertInto('role_assignment').values({
    tenant_id: w.tenantId, id: newId(), user_id: w.users.staff.id, role_id: leader.id, kind: 'business', scope_kind: 'self', scope_org_id: null, created_at: at, created_by: null,
  }).execute();
  forgetGrants();

  const rows = await db.selectFrom('person').select(['id', 'name', 'primary_org_id', 'status']).where('tenant_id', '=', w.tenantId).execute();
  const memberships = await db.selectFrom('person_org').select(['person_id', 'org_id']).where('tenant_id', '=', w.tenantId).execute();
  people = rows.map((r) => ({ id: r.id, name: r.name, primaryOrgId: r.primary_org_id, status: r.status, memberOf: new Set(memberships.filter((m) => m.person_id === r.id).map((m) => m.org_id)) }));
  closure = new Map();
  for (const c of await db.selectFrom('org_closure').selectAll().where('tenant_id', '=', w.tenantId).execute()) {
    closure.set(c.ancestor_id, (closure.get(c.ancestor_id) ?? new Set()).add(c.descendant_id));
  }
});
afterAll(async () => w.close());

const readers = {
  orgOfficer: () => ({ orgs: null, self: null }),
  unitOfficer: () => ({ orgs: closure.get(w.orgs.unitA)!, self: null }),
  branchSecretary: () => ({ orgs: closure.get(w.orgs.branch1)!, self: null }),
  staff: () => ({ orgs: new Set<string>(), self: w.users.staff.personId }),
} satisfies Partial<Record<FixtureUser, () => { orgs: Set<string> | null; self: string | null }>>;

const belongsTo = (p: Stored) => [p.primaryOrgId, ...p.memberOf];

function expected(reader: keyof typeof readers, orgId: string | null, status: 'active' | null): string[] {
  const { orgs, self } = readers[reader]();
  const subtree = orgId ? closure.get(orgId)! : null;
  return people
    .filter((p) => orgs === null || p.id === self || belongsTo(p).some((o) => orgs.has(o)))
    .filter((p) => !subtree || belongsTo(p).some((o) => subtree.has(o)))
    .filter((p) => !status || p.status === status)
    .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
    .map((p) => p.id);
}

async function listed(reader: keyof typeof readers, orgId: string | null, status: 'active' | null): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(orgId && { orgId }), ...(status && { status }) });
    const res = await w.as(reader).get(`/api/people?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; total: number };
    ids.push(...body.items.map((p) => p.id));
    totals.push(body.total);
    if (body.items.length < PAGE_SIZE) return { ids, totals };
  }
}

describe('people list against its definition', () => {
  const filters = (): (string | null)[] => [null, w.orgs.bureau, w.orgs.generalBranch, w.orgs.branch1, w.orgs.unitA, w.orgs.unitASection, w.orgs.office, extraUnit];

  for (const reader of Object.keys(readers) as (keyof typeof readers)[]) {
    it(`pages exactly what ${reader} may read, with and without org and status filters`, async () => {
      let nonEmpty = 0;
      for (const orgId of filters()) {
        for (const status of [null, 'active'] as const) {
          const want = expected(reader, orgId, status);
          const got = await listed(reader, orgId, status);
          expect(got.ids, `${reader} orgId=${orgId} status=${status}`).toEqual(want);
          expect(new Set(got.totals), `${reader} orgId=${orgId} status=${status}`).toEqual(new Set([want.length]));
          if (want.length > PAGE_SIZE) nonEmpty += 1;
        }
      }
      // The comparison must be about real pages, not empty lists that agree trivially (a self scope is one record).
      if (reader !== 'staff') expect(nonEmpty).toBeGreaterThan(3);
    });
  }

  it('exports the same people as the pages list, in the same order', async () => {
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    for (const reader of Object.keys(readers) as (keyof typeof readers)[]) {
      for (const orgId of [null, w.orgs.generalBranch, w.orgs.unitASection, extraUnit]) {
        const res = await w.as(reader).get(`/api/people/export.xlsx?lang=zh-CN${orgId ? `&orgId=${orgId}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const sheet = (await readWorkbook(res.rawPayload)).worksheets[0]!;
        const names = sheet.getSheetValues().slice(2).map((row) => (row as unknown[])[1]);
        expect(names, `${reader} orgId=${orgId}`).toEqual(expected(reader, orgId, null).map((id) => nameOf.get(id)));
      }
    }
  });

  it('lists members from outside the filtered subtree and the self reader’s own record through memberships', () => {
    const outside = people.filter((p) => !closure.get(w.orgs.unitASection)!.has(p.primaryOrgId) && p.memberOf.has(w.orgs.unitASection));
    expect(outside.map((p) => p.id)).toContain(w.users.staff.personId);
    expect(outside.some((p) => p.primaryOrgId === w.orgs.unitA)).toBe(true);
    expect(expected('staff', w.orgs.unitA, null)).toEqual([w.users.staff.personId]);
  });

  it('reaches, for subtree readers, people by every combination of primary org inside or outside the scope and the filter', () => {
    const seen = new Set<string>();
    for (const reader of ['unitOfficer', 'branchSecretary'] as const) {
      const scope = readers[reader]().orgs;
      for (const orgId of filters().filter((o): o is string => o !== null)) {
        const subtree = closure.get(orgId)!;
        for (const id of expected(reader, orgId, null)) {
          const p = people.find((x) => x.id === id)!;
          seen.add(`scope:${scope.has(p.primaryOrgId)} filter:${subtree.has(p.primaryOrgId)}`);
        }
      }
    }
    expect([...seen].sort()).toEqual(['scope:false filter:false', 'scope:false filter:true', 'scope:true filter:false', 'scope:true filter:true']);
  });
});
