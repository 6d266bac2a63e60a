import type { Page } from '../../../contracts/common.js';
import type { CreatePost, Post, PostExportQuery, PostQuery, UpdatePost } from '../../../contracts/people.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { authorizeOrgWrite, authorizePersonUse } from './people.policy.js';
import { existingOrgIds } from './people.repo.js';
import * as repo from './posts.repo.js';

function presentPost(r: repo.PostListRow, holders: Post['holders']): Post {
  return { id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, description: r.description, sort: r.sort, holders, updatedAt: r.updated_at };
}

async function present(ctx: Ctx, rows: repo.PostListRow[]): Promise<Post[]> {
  const holders = await repo.holdersOf(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentPost(r, holders.get(r.id) ?? []));
}

function toFilter(q: { q?: string | undefined; orgId?: string | undefined }): repo.PostFilter {
  const text = q.q?.trim();
  return { ...(text && { q: text }), ...(q.orgId && { orgId: q.orgId }) };
}

export async function listPosts(ctx: Ctx, q: PostQuery): Promise<Page<Post>> {
  const scope = scopeOf(ctx.actor, 'org:read');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [total, rows] = await Promise.all([
    repo.countPosts(ctx.deps.db, ctx.tenantId, scope, toFilter(q)),
    repo.listPosts(ctx.deps.db, ctx.tenantId, scope, toFilter(q), { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  return { items: await present(ctx, rows), total, page, pageSize };
}

/** Holders must exist and be people the actor can see: nobody is placed in a post blind. */
async function checkHolders(ctx: Ctx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const people = await repo.peopleByIds(ctx.deps.db, ctx.tenantId, ids);
  if (people.length !== ids.length) throw notFound('person');
  for (const p of people) await authorizePersonUse(ctx, 'person:read', p);
}

async function checkName(ctx: Ctx, orgId: string, name: string, exceptId: string | null): Promise<void> {
  if (await repo.nameTaken(ctx.deps.db, ctx.tenantId, orgId, name, exceptId)) throw new AppError('DUPLICATE', { field: 'name' });
}

export async function createPost(ctx: Ctx, input: CreatePost): Promise<Post> {
  await authorizeOrgWrite(ctx, 'post:manage', input.orgId);
  if (!(await existingOrgIds(ctx.deps.db, ctx.tenantId, [input.orgId])).size) throw notFound('org');
  await checkName(ctx, input.orgId, input.name, null);
  const holderIds = input.holderIds ?? [];
  await checkHolders(ctx, holderIds);
  const at = nowIso(ctx.deps.clock);
  const row: repo.PostRow = {
    tenant_id: ctx.tenantId,
    id: newId(),
    org_id: input.orgId,
    name: input.name,
    description: input.description ?? '',
    sort: input.sort ?? 0,
    created_at: at,
    updated_at: at,
  };
  return transact(ctx, async (tx) => {
    await repo.insertPost(tx, row);
    await repo.replaceHolders(tx, ctx.tenantId, row.id, holderIds);
    await writeAudit(tx, ctx, { action: 'post.create', objectType: 'post', objectId: row.id, details: { orgId: row.org_id, holders: holderIds.length } });
    return presentPost((await repo.findPost(tx, ctx.tenantId, row.id))!, (await repo.holdersOf(tx, ctx.tenantId, [row.id])).get(row.id) ?? []);
  });
}

async function findWritable(ctx: Ctx, id: string): Promise<repo.PostListRow> {
  const row = await repo.findPost(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('post');
  await authorizeOrgWrite(ctx, 'post:manage', row.org_id);
  return row;
}

export async function updatePost(ctx: Ctx, id: string, input: UpdatePost): Promise<Post> {
  const row = await findWritable(ctx, id);
  if (input.name !== undefined) await checkName(ctx, row.org_id, input.name, id);
  if (input.holderIds) await checkHolders(ctx, input.holderIds);
  const patch: Partial<repo.PostRow> = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.sort !== undefined && { sort: input.sort }),
    updated_at: nowIso(ctx.deps.clock),
  };
  return transact(ctx, async (tx) => {
    if (!(await repo.findPost(tx, ctx.tenantId, id))) throw notFound('post');
    await repo.updatePostRow(tx, ctx.tenantId, id, patch);
    if (input.holderIds) await repo.replaceHolders(tx, ctx.tenantId, id, input.holderIds);
    await writeAudit(tx, ctx, { action: 'post.update', objectType: 'post', objectId: id, details: { fields: Object.keys(input) } });
    return presentPost((await repo.findPost(tx, ctx.tenantId, id))!, (await repo.holdersOf(tx, ctx.tenantId, [id])).get(id) ?? []);
  });
}

/** Holdings go with the post; anything else that hangs on it (powers, risks) keeps it. */
export async function deletePost(ctx: Ctx, id: string): Promise<void> {
  await findWritable(ctx, id);
  try {
    await transact(ctx, async (tx) => {
      if (!(await repo.findPost(tx, ctx.tenantId, id))) throw notFound('post');
      await repo.deletePostRow(tx, ctx.tenantId, id);
      await writeAudit(tx, ctx, { action: 'post.delete', objectType: 'post', objectId: id });
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw conflict('referenced');
    throw e;
  }
}

export async function exportPosts(ctx: Ctx, q: PostExportQuery, locale: Locale): Promise<Buffer> {
  const posts = await present(ctx, await repo.listPosts(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'org:read'), toFilter(q), null));
  const h = (k: string) => t(locale, `people.postColumns.${k}`);
  return writeWorkbook<Post>(t(locale, 'people.sheets.posts'), [
    { header: h('org'), value: (p) => p.orgName, width: 24 },
    { header: h('name'), value: (p) => p.name, width: 20 },
    { header: h('description'), value: (p) => p.description, width: 40 },
    { header: h('holders'), value: (p) => p.holders.map((x) => x.name).join(t(locale, 'people.listSeparator')), width: 30 },
    { header: h('sort'), value: (p) => p.sort, width: 8 },
  ], posts);
}
