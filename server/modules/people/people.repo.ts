import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeOrgIds, subtreeOrgIds } from '../../platform/access/scope.js';
import { dialectOf } from '../../platform/db/dialect.js';
import type { DB } from '../../schema.js';
import type { PersonTable } from './people.tables.js';

export type PersonRow = PersonTable;
export type PersonListRow = PersonRow & { org_name: string };

export interface PeopleFilter {
  /** Name substring (lowercased), or the exact ID number / mobile when the search text is one. */
  q?: { name: string; idNumberBidx: string | null; mobileBidx: string | null };
  orgId?: string;
  politicalStatus?: string;
  gender?: PersonRow['gender'];
  status?: PersonRow['status'];
  mobileBidx?: string;
}

/** LIKE pattern for a substring: the wildcards a user types are matched literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
}

type PersonWhere = (eb: ExpressionBuilder<DB, 'person'>) => Expression<SqlBool>;

/** The filters other than the org: each a column the list indexes carry, or a blind index with its own. */
function filterWhere(f: PeopleFilter): PersonWhere {
  return (eb) => {
    const and: Expression<SqlBool>[] = [];
    const q = f.q;
    if (q) {
      and.push(
        eb.or([
          sql<SqlBool>`lower(person.name) like ${containsPattern(q.name)} escape '\\'`,
          ...(q.idNumberBidx ? [eb('person.id_number_bidx', '=', q.idNumberBidx)] : []),
          ...(q.mobileBidx ? [eb('person.mobile_bidx', '=', q.mobileBidx)] : []),
        ]),
      );
    }
    if (f.politicalStatus) and.push(eb('person.political_status', '=', f.politicalStatus));
    if (f.gender) and.push(eb('person.gender', '=', f.gender));
    if (f.status) and.push(eb('person.status', '=', f.status));
    if (f.mobileBidx) and.push(eb('person.mobile_bidx', '=', f.mobileBidx));
    return eb.and(and);
  };
}

/**
 * Whom a list reaches, in parts that never share a person because each fixes where the person's primary org
 * lies: those whose primary org is one of `primaryOrgs`; for each entry of `members`, those whose primary org
 * lies in `primaryIn` (anywhere, when null) and outside `primaryNotIn` and who belong, other than through
 * their primary org, to an org of every list in `memberOf`; and the reader's own record (`selfId`) when a
 * self scope grants it and nothing else reaches it. `tenant` reaches every person.
 */
interface MembersPart {
  primaryIn: string[] | null;
  primaryNotIn: string[];
  memberOf: [string[], ...string[][]];
}

type Reach = { tenant: true } | { tenant: false; primaryOrgs: string[]; members: MembersPart[]; selfId: string | null };

const NOBODY: Reach = { tenant: false, primaryOrgs: [], members: [], selfId: null };

/**
 * Whether anyone belongs to one of these orgs other than through their primary org: a probe of the
 * (tenant, org, is_primary) index per org, where counting or finding the members would read them all.
 */
async function hasSecondaryMembers(db: Db | Tx, tenantId: string, orgIds: string[]): Promise<boolean> {
  if (!orgIds.length) return false;
  const row = await db
    .selectFrom('person_org')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('org_id', 'in', orgIds)
    .where('is_primary', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * A page and its count ask for the same reach at the same moment (the service runs them together); while
 * one reading is under way, the other shares it instead of repeating the org and membership queries.
 */
const reachInFlight = new WeakMap<Db | Tx, Map<string, Promise<Reach>>>();

function reachOf(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null, orgId: string | undefined): Promise<Reach> {
  const key = JSON.stringify([tenantId, scope, actorPersonId, orgId ?? null]);
  const pending = reachInFlight.get(db) ?? new Map<string, Promise<Reach>>();
  reachInFlight.set(db, pending);
  const shared = pending.get(key);
  if (shared) return shared;
  const reading = readReach(db, tenantId, scope, actorPersonId, orgId).finally(() => pending.delete(key));
  pending.set(key, reading);
  return reading;
}

/**
 * The data scope and the org filter each reach a person through any org the person belongs to. Every
 * person belongs to their primary org (the one `is_primary` membership), so a person whose primary org lies
 * in an org list is reached by it without a membership lookup, and one whose primary org lies outside only
 * through a secondary membership, which the parts look up only when the orgs have any.
 */
async function readReach(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null, orgId: string | undefined): Promise<Reach> {
  const [visible, filtered] = await Promise.all([scopeOrgIds(db, tenantId, scope), orgId ? subtreeOrgIds(db, tenantId, [orgId]) : null]);
  if (filtered && !filtered.length) return NOBODY;
  if (visible.all) {
    if (!filtered) return { tenant: true };
    const others = await hasSecondaryMembers(db, tenantId, filtered);
    return { tenant: false, primaryOrgs: filtered, members: others ? [{ primaryIn: null, primaryNotIn: filtered, memberOf: [filtered] }] : [], selfId: null };
  }
  const inScope = new Set(visible.orgIds);
  const sameOrgs = !!filtered && filtered.length === inScope.size && filtered.every((o) => inScope.has(o));
  const selfId = visible.self ? actorPersonId : null;
  const [scopeOthers, filterOthers, selfOrgs] = await Promise.all([
    hasSecondaryMembers(db, tenantId, visible.orgIds),
    filtered && !sameOrgs ? hasSecondaryMembers(db, tenantId, filtered) : null,
    selfId ? membershipIds(db, tenantId, selfId) : null,
  ]);
  const selfPart = selfOrgs && !selfOrgs.some((m) => inScope.has(m.org_id)) && (!filtered || selfOrgs.some((m) => filtered.includes(m.org_id))) ? selfId : null;
  if (!filtered) {
    const members: MembersPart[] = scopeOthers ? [{ primaryIn: null, primaryNotIn: visible.orgIds, memberOf: [visible.orgIds] }] : [];
    return { tenant: false, primaryOrgs: visible.orgIds, members, selfId: selfPart };
  }
  const inFilter = new Set(filtered);
  const scopeOnly = visible.orgIds.filter((o) => !inFilter.has(o));
  const filterOnly = filtered.filter((o) => !inScope.has(o));
  const otherInFilter = sameOrgs ? scopeOthers : !!filterOthers;
  const members: MembersPart[] = [];
  if (scopeOnly.length && otherInFilter) members.push({ primaryIn: scopeOnly, primaryNotIn: [], memberOf: [filtered] });
  if (filterOnly.length && scopeOthers) members.push({ primaryIn: filterOnly, primaryNotIn: [], memberOf: [visible.orgIds] });
  if (scopeOthers && otherInFilter) members.push({ primaryIn: null, primaryNotIn: [...new Set([...visible.orgIds, ...filtered])], memberOf: [visible.orgIds, filtered] });
  return { tenant: false, primaryOrgs: visible.orgIds.filter((o) => inFilter.has(o)), members, selfId: selfPart };
}

/** Belongs to one of these orgs other than through the primary org (the secondary rows of the org index). */
function secondaryMemberOf(eb: ExpressionBuilder<DB, 'person'>, tenantId: string, orgIds: string[]): Expression<SqlBool> {
  return eb(
    'person.id',
    'in',
    eb
      .selectFrom('person_org')
      .select('person_org.person_id')
      .where('person_org.tenant_id', '=', tenantId)
      .where('person_org.org_id', 'in', orgIds)
      .where('person_org.is_primary', '=', 0),
  );
}

/**
 * A primary org part split into one part per org lets each part walk the list index in name order, so a page
 * reads little more than its offset; past this many orgs the parts are one `in`, which the name index serves.
 */
const MAX_ORG_PARTS = 40;

/**
 * One part of the reach. `where` says whom it holds as a condition on the person alone (the export ORs the
 * parts). A part of people reached through secondary memberships is read from those membership rows
 * (`via`), each leading to one person by key: a branch's few members are then found directly instead of
 * by a walk of the whole tenant in name order, and a large one costs in proportion to its members.
 */
interface Part {
  where: PersonWhere | null;
  via: { orgIds: string[]; rest: PersonWhere } | null;
}

/** The reach's parts (none: nobody), optionally with one part per primary org. */
function parts(reach: Reach, tenantId: string, perOrg: boolean): Part[] {
  if (reach.tenant) return [{ where: null, via: null }];
  const out: Part[] = [];
  const byPrimary = (where: PersonWhere): Part => ({ where, via: null });
  const orgs = reach.primaryOrgs;
  if (perOrg && orgs.length <= MAX_ORG_PARTS) out.push(...orgs.map((o) => byPrimary((eb) => eb('person.primary_org_id', '=', o))));
  else if (orgs.length) out.push(byPrimary((eb) => eb('person.primary_org_id', 'in', orgs)));
  for (const m of reach.members) {
    const [drive, ...others] = m.memberOf;
    const rest: PersonWhere = (eb) =>
      eb.and([
        ...(m.primaryIn ? [eb('person.primary_org_id', 'in', m.primaryIn)] : []),
        ...(m.primaryNotIn.length ? [eb('person.primary_org_id', 'not in', m.primaryNotIn)] : []),
        ...others.map((list) => secondaryMemberOf(eb, tenantId, list)),
      ]);
    out.push({ where: (eb) => eb.and([rest(eb), secondaryMemberOf(eb, tenantId, drive)]), via: { orgIds: drive, rest } });
  }
  const selfId = reach.selfId;
  if (selfId) out.push(byPrimary((eb) => eb('person.id', '=', selfId)));
  return out;
}

function reached(db: Db | Tx, tenantId: string, where: PersonWhere | null, f: PeopleFilter) {
  const qb = db.selectFrom('person').where('person.tenant_id', '=', tenantId).where(filterWhere(f));
  return where ? qb.where(where) : qb;
}

/** The people a part reaches through secondary memberships, one row per membership (a person may have several). */
function throughMemberships(db: Db | Tx, tenantId: string, via: NonNullable<Part['via']>, f: PeopleFilter) {
  return db
    .selectFrom('person_org as po')
    .innerJoin('person', (j) => j.onRef('person.tenant_id', '=', 'po.tenant_id').onRef('person.id', '=', 'po.person_id'))
    .where('po.tenant_id', '=', tenantId)
    .where('po.org_id', 'in', via.orgIds)
    .where('po.is_primary', '=', 0)
    .where('person.tenant_id', '=', tenantId)
    .where(filterWhere(f))
    .where(via.rest);
}

/** The exact number of people the list reaches: one count per part, the parts being disjoint. */
export async function countPeople(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null, f: PeopleFilter): Promise<number> {
  const reach = await reachOf(db, tenantId, scope, actorPersonId, f.orgId);
  const counts = await Promise.all(
    parts(reach, tenantId, false).map((part) =>
      part.via
        ? throughMemberships(db, tenantId, part.via, f).select((eb) => eb.fn.count<number>('person.id').distinct().as('n')).executeTakeFirstOrThrow()
        : reached(db, tenantId, part.where, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, r) => sum + Number(r.n), 0);
}

/**
 * The ids on one page, in (name, id) order. With several parts, each delivers its rows in order and the
 * database merges them, reading little more than offset + limit of a part that walks an index: SQLite
 * merges a compound of ordered selects itself (and would sort subqueries), PostgreSQL merges ordered
 * subqueries that carry their own limit (and would sort a plain union whole).
 */
async function pageIds(db: Db | Tx, tenantId: string, reach: Reach, f: PeopleFilter, page: { limit: number; offset: number }): Promise<string[]> {
  const arms = parts(reach, tenantId, true);
  if (!arms.length) return [];
  const arm = (part: Part) =>
    part.via ? throughMemberships(db, tenantId, part.via, f).select(['person.id', 'person.name']).distinct() : reached(db, tenantId, part.where, f).select(['person.id', 'person.name']);
  const paged = <Q extends { orderBy(c: 'name' | 'id'): Q; limit(n: number): Q; offset(n: number): Q; execute(): Promise<{ id: string }[]> }>(q: Q) =>
    q.orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute();
  let rows: { id: string }[];
  if (arms.length === 1) rows = await paged(arm(arms[0]!));
  else if (dialectOf(db) === 'sqlite') rows = await paged(arms.slice(1).reduce((q, part) => q.unionAll(arm(part)), arm(arms[0]!)));
  else {
    const each = page.offset + page.limit;
    const [first, ...rest] = arms.map((part) => db.selectFrom(arm(part).orderBy('person.name').orderBy('person.id').limit(each).as('a')).select(['a.id', 'a.name']));
    rows = await paged(rest.reduce((q, next) => q.unionAll(next), first!));
  }
  return rows.map((r) => r.id);
}

function withOrgName(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('person')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'person.tenant_id').onRef('org.id', '=', 'person.primary_org_id'))
    .selectAll('person')
    .select('org.name as org_name')
    .where('person.tenant_id', '=', tenantId);
}

/** One page of the list (or, without a page, all of it for the export), in name order. */
export async function listPeople(
  db: Db | Tx,
  tenantId: string,
  scope: Scope | null,
  actorPersonId: string | null,
  f: PeopleFilter,
  page: { limit: number; offset: number } | null,
): Promise<PersonListRow[]> {
  const reach = await reachOf(db, tenantId, scope, actorPersonId, f.orgId);
  if (!page) {
    const all = parts(reach, tenantId, false);
    if (!all.length) return [];
    return withOrgName(db, tenantId)
      .where(filterWhere(f))
      .where((eb) => eb.or(all.map((part) => (part.where ? part.where(eb) : eb.lit(true)))))
      .orderBy('person.name')
      .orderBy('person.id')
      .execute();
  }
  const ids = await pageIds(db, tenantId, reach, f, page);
  if (!ids.length) return [];
  const rows = await withOrgName(db, tenantId).where('person.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function findPerson(db: Db | Tx, tenantId: string, id: string): Promise<PersonListRow | undefined> {
  return db
    .selectFrom('person')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'person.tenant_id').onRef('org.id', '=', 'person.primary_org_id'))
    .selectAll('person')
    .select('org.name as org_name')
    .where('person.tenant_id', '=', tenantId)
    .where('person.id', '=', id)
    .executeTakeFirst();
}

/** Stores the person with their memberships: the primary org's marked as such, the other orgs besides it. */
export async function insertPerson(tx: Tx, row: PersonRow, orgIds: string[]): Promise<void> {
  await tx.insertInto('person').values(row).execute();
  await insertMemberships(tx, row.tenant_id, row.id, row.primary_org_id, orgIds);
}

async function insertMemberships(tx: Tx, tenantId: string, personId: string, primaryOrgId: string, orgIds: string[]): Promise<void> {
  const others = orgIds.filter((o) => o !== primaryOrgId);
  await tx
    .insertInto('person_org')
    .values([
      { tenant_id: tenantId, person_id: personId, org_id: primaryOrgId, is_primary: 1 as const },
      ...[...new Set(others)].map((org_id) => ({ tenant_id: tenantId, person_id: personId, org_id, is_primary: 0 as const })),
    ])
    .execute();
}

export async function updatePersonRow(tx: Tx, tenantId: string, id: string, patch: Partial<PersonRow>): Promise<void> {
  await tx.updateTable('person').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceMemberships(tx: Tx, tenantId: string, personId: string, primaryOrgId: string, orgIds: string[]): Promise<void> {
  await tx.deleteFrom('person_org').where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
  await insertMemberships(tx, tenantId, personId, primaryOrgId, orgIds);
}

export function membershipIds(db: Db | Tx, tenantId: string, personId: string): Promise<{ org_id: string }[]> {
  return db.selectFrom('person_org').select('org_id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
}

export function memberships(db: Db | Tx, tenantId: string, personId: string) {
  return db
    .selectFrom('person_org as po')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'po.tenant_id').onRef('org.id', '=', 'po.org_id'))
    .select(['org.id', 'org.name'])
    .where('po.tenant_id', '=', tenantId)
    .where('po.person_id', '=', personId)
    .orderBy('org.sort')
    .orderBy('org.name')
    .execute();
}

export function heldPosts(db: Db | Tx, tenantId: string, personId: string) {
  return db
    .selectFrom('person_post as pp')
    .innerJoin('post', (j) => j.onRef('post.tenant_id', '=', 'pp.tenant_id').onRef('post.id', '=', 'pp.post_id'))
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'post.tenant_id').onRef('org.id', '=', 'post.org_id'))
    .select(['post.id', 'post.name', 'post.org_id', 'org.name as org_name'])
    .where('pp.tenant_id', '=', tenantId)
    .where('pp.person_id', '=', personId)
    .orderBy('post.sort')
    .orderBy('post.name')
    .execute();
}

export async function leaderTitle(db: Db | Tx, tenantId: string, personId: string): Promise<string | null> {
  const r = await db.selectFrom('leader').select('title').where('tenant_id', '=', tenantId).where('person_id', '=', personId).executeTakeFirst();
  return r?.title ?? null;
}

/** The account signed in as this person, if any (read only for the link; accounts owns the table). */
export async function linkedUserId(db: Db | Tx, tenantId: string, personId: string): Promise<string | null> {
  const r = await db.selectFrom('user_account').select('id').where('tenant_id', '=', tenantId).where('person_id', '=', personId).orderBy('id').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

/** Deletes the person; memberships and post holdings cascade, a leadership entry goes with its person. */
export async function deletePersonRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('leader').where('tenant_id', '=', tenantId).where('person_id', '=', id).execute();
  await tx.deleteFrom('person').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Which of these ID-number blind indexes are already stored (optionally ignoring one person). */
export async function storedIdNumbers(db: Db | Tx, tenantId: string, bidxs: string[], exceptPersonId: string | null = null): Promise<Set<string>> {
  const found = new Set<string>();
  // A whole roster's worth of values, in chunks that stay far below either database's bound-parameter limit.
  for (let i = 0; i < bidxs.length; i += 500) {
    let qb = db.selectFrom('person').select('id_number_bidx').where('tenant_id', '=', tenantId).where('id_number_bidx', 'in', bidxs.slice(i, i + 500));
    if (exceptPersonId) qb = qb.where('id', '!=', exceptPersonId);
    for (const r of await qb.execute()) if (r.id_number_bidx) found.add(r.id_number_bidx);
  }
  return found;
}

export async function existingOrgIds(db: Db | Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function orgNames(db: Db | Tx, tenantId: string) {
  return db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
}

/** The tenant's political-status dictionary (a platform list; this module only reads its enabled items). */
export function politicalStatuses(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('dict_item')
    .select(['code', 'label_zh', 'label_en'])
    .where('tenant_id', '=', tenantId)
    .where('dict_code', '=', 'political_status')
    .where('enabled', '=', 1)
    .orderBy('sort')
    .execute();
}

export async function postsOfOrgs(db: Db | Tx, tenantId: string, orgIds: string[]): Promise<{ id: string; org_id: string; name: string }[]> {
  if (!orgIds.length) return [];
  return db.selectFrom('post').select(['id', 'org_id', 'name']).where('tenant_id', '=', tenantId).where('org_id', 'in', orgIds).execute();
}

/** A whole roster in multi-row inserts (each person a member of their primary org, marked primary), chunked under the parameter limits. */
export async function insertRoster(tx: Tx, tenantId: string, people: PersonRow[], holdings: { person_id: string; post_id: string }[]): Promise<void> {
  for (let i = 0; i < people.length; i += 200) {
    const chunk = people.slice(i, i + 200);
    await tx.insertInto('person').values(chunk).execute();
    await tx.insertInto('person_org').values(chunk.map((p) => ({ tenant_id: tenantId, person_id: p.id, org_id: p.primary_org_id, is_primary: 1 as const }))).execute();
  }
  for (let i = 0; i < holdings.length; i += 500) {
    await tx.insertInto('person_post').values(holdings.slice(i, i + 500).map((h) => ({ tenant_id: tenantId, ...h }))).execute();
  }
}
