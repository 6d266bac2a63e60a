import { sql, type SqlBool } from 'kysely';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
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

function peopleQuery(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null, f: PeopleFilter) {
  let qb = db
    .selectFrom('person')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'person.tenant_id').onRef('org.id', '=', 'person.primary_org_id'))
    .where('person.tenant_id', '=', tenantId)
    .where((eb) => scopeFilter(eb, tenantId, scope, { org: 'person.primary_org_id', person: 'person.id' }, actorPersonId));
  const q = f.q;
  if (q) {
    qb = qb.where((eb) =>
      eb.or([
        sql<SqlBool>`lower(person.name) like ${containsPattern(q.name)} escape '\\'`,
        ...(q.idNumberBidx ? [eb('person.id_number_bidx', '=', q.idNumberBidx)] : []),
        ...(q.mobileBidx ? [eb('person.mobile_bidx', '=', q.mobileBidx)] : []),
      ]),
    );
  }
  if (f.orgId) {
    const orgId = f.orgId;
    qb = qb.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('person_org as po')
          .innerJoin('org_closure as c', (j) => j.onRef('c.tenant_id', '=', 'po.tenant_id').onRef('c.descendant_id', '=', 'po.org_id'))
          .select('po.person_id')
          .where('po.tenant_id', '=', tenantId)
          .whereRef('po.person_id', '=', 'person.id')
          .where('c.ancestor_id', '=', orgId),
      ),
    );
  }
  if (f.politicalStatus) qb = qb.where('person.political_status', '=', f.politicalStatus);
  if (f.gender) qb = qb.where('person.gender', '=', f.gender);
  if (f.status) qb = qb.where('person.status', '=', f.status);
  if (f.mobileBidx) qb = qb.where('person.mobile_bidx', '=', f.mobileBidx);
  return qb;
}

export async function countPeople(db: Db | Tx, tenantId: string, scope: Scope | null, actorPersonId: string | null, f: PeopleFilter): Promise<number> {
  const r = await peopleQuery(db, tenantId, scope, actorPersonId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function listPeople(
  db: Db | Tx,
  tenantId: string,
  scope: Scope | null,
  actorPersonId: string | null,
  f: PeopleFilter,
  page: { limit: number; offset: number } | null,
): Promise<PersonListRow[]> {
  let qb = peopleQuery(db, tenantId, scope, actorPersonId, f).selectAll('person').select('org.name as org_name').orderBy('person.name').orderBy('person.id');
  if (page) qb = qb.limit(page.limit).offset(page.offset);
  return qb.execute();
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

export async function insertPerson(tx: Tx, row: PersonRow, orgIds: string[]): Promise<void> {
  await tx.insertInto('person').values(row).execute();
  await insertMemberships(tx, row.tenant_id, row.id, orgIds);
}

async function insertMemberships(tx: Tx, tenantId: string, personId: string, orgIds: string[]): Promise<void> {
  if (!orgIds.length) return;
  await tx.insertInto('person_org').values(orgIds.map((org_id) => ({ tenant_id: tenantId, person_id: personId, org_id }))).execute();
}

export async function updatePersonRow(tx: Tx, tenantId: string, id: string, patch: Partial<PersonRow>): Promise<void> {
  await tx.updateTable('person').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceMemberships(tx: Tx, tenantId: string, personId: string, orgIds: string[]): Promise<void> {
  await tx.deleteFrom('person_org').where('tenant_id', '=', tenantId).where('person_id', '=', personId).execute();
  await insertMemberships(tx, tenantId, personId, orgIds);
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

/** A whole roster in multi-row inserts (each person a member of their primary org), chunked under the parameter limits. */
export async function insertRoster(tx: Tx, tenantId: string, people: PersonRow[], holdings: { person_id: string; post_id: string }[]): Promise<void> {
  for (let i = 0; i < people.length; i += 200) {
    const chunk = people.slice(i, i + 200);
    await tx.insertInto('person').values(chunk).execute();
    await tx.insertInto('person_org').values(chunk.map((p) => ({ tenant_id: tenantId, person_id: p.id, org_id: p.primary_org_id }))).execute();
  }
  for (let i = 0; i < holdings.length; i += 500) {
    await tx.insertInto('person_post').values(holdings.slice(i, i + 500).map((h) => ({ tenant_id: tenantId, ...h }))).execute();
  }
}
