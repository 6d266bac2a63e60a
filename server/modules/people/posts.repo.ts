import { sql, type SqlBool } from 'kysely';
import type { Db, Scope, Tx } from '../../platform/context.js';
import { scopeFilter } from '../../platform/access/scope.js';
import { containsPattern } from './people.repo.js';
import type { PostTable } from './people.tables.js';

export type PostRow = PostTable;
export type PostListRow = PostRow & { org_name: string };

export interface PostFilter {
  q?: string;
  orgId?: string;
}

function postsQuery(db: Db | Tx, tenantId: string, scope: Scope | null, f: PostFilter) {
  let qb = db
    .selectFrom('post')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'post.tenant_id').onRef('org.id', '=', 'post.org_id'))
    .where('post.tenant_id', '=', tenantId)
    .where((eb) => scopeFilter(eb, tenantId, scope, { org: 'post.org_id' }, null));
  if (f.q) qb = qb.where(sql<SqlBool>`lower(post.name) like ${containsPattern(f.q)} escape '\\'`);
  if (f.orgId) {
    const orgId = f.orgId;
    qb = qb.where('post.org_id', 'in', (eb) =>
      eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', tenantId).where('ancestor_id', '=', orgId),
    );
  }
  return qb;
}

export async function countPosts(db: Db | Tx, tenantId: string, scope: Scope | null, f: PostFilter): Promise<number> {
  const r = await postsQuery(db, tenantId, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function listPosts(db: Db | Tx, tenantId: string, scope: Scope | null, f: PostFilter, page: { limit: number; offset: number } | null): Promise<PostListRow[]> {
  let qb = postsQuery(db, tenantId, scope, f)
    .selectAll('post')
    .select('org.name as org_name')
    .orderBy('org.sort')
    .orderBy('post.sort')
    .orderBy('post.name')
    .orderBy('post.id');
  if (page) qb = qb.limit(page.limit).offset(page.offset);
  return qb.execute();
}

export function findPost(db: Db | Tx, tenantId: string, id: string): Promise<PostListRow | undefined> {
  return db
    .selectFrom('post')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'post.tenant_id').onRef('org.id', '=', 'post.org_id'))
    .selectAll('post')
    .select('org.name as org_name')
    .where('post.tenant_id', '=', tenantId)
    .where('post.id', '=', id)
    .executeTakeFirst();
}

/** Holders of many posts at once, so a page of posts costs one extra query. */
export async function holdersOf(db: Db | Tx, tenantId: string, postIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!postIds.length) return out;
  const rows = await db
    .selectFrom('person_post as pp')
    .innerJoin('person', (j) => j.onRef('person.tenant_id', '=', 'pp.tenant_id').onRef('person.id', '=', 'pp.person_id'))
    .select(['pp.post_id', 'person.id', 'person.name'])
    .where('pp.tenant_id', '=', tenantId)
    .where('pp.post_id', 'in', postIds)
    .orderBy('person.name')
    .orderBy('person.id')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export async function nameTaken(db: Db | Tx, tenantId: string, orgId: string, name: string, exceptId: string | null): Promise<boolean> {
  let qb = db.selectFrom('post').select('id').where('tenant_id', '=', tenantId).where('org_id', '=', orgId).where('name', '=', name);
  if (exceptId) qb = qb.where('id', '!=', exceptId);
  return !!(await qb.limit(1).executeTakeFirst());
}

export function peopleByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  return db.selectFrom('person').select(['id', 'primary_org_id']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function insertPost(tx: Tx, row: PostRow): Promise<void> {
  await tx.insertInto('post').values(row).execute();
}

export async function updatePostRow(tx: Tx, tenantId: string, id: string, patch: Partial<PostRow>): Promise<void> {
  await tx.updateTable('post').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceHolders(tx: Tx, tenantId: string, postId: string, personIds: string[]): Promise<void> {
  await tx.deleteFrom('person_post').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  if (personIds.length) await tx.insertInto('person_post').values(personIds.map((person_id) => ({ tenant_id: tenantId, person_id, post_id: postId }))).execute();
}

export async function deletePostRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('post').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
