import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Permission } from '../../../contracts/permissions.js';
import type { Actor, Db, Scope, Tx } from '../context.js';
import type { DB } from '../../schema.js';

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'user' && actor.permissions.has(permission);
}

export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  if (actor.kind === 'system') return { all: true, subtrees: [], orgs: [], self: false };
  if (actor.kind !== 'user') return null;
  return actor.permissions.get(permission) ?? null;
}

export interface ScopeColumns {
  /** Column holding the record's org. */
  org: string;
  /** Column holding the person the record belongs to (for `self` scope), if any. */
  person?: string;
}

/**
 * WHERE fragment limiting a query to the actor's data scope for one permission. Every list query in a
 * repository goes through this; no scope means no rows, never all rows.
 */
export function scopeFilter<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  tenantId: string,
  scope: Scope | null,
  cols: ScopeColumns,
  personId: string | null,
): Expression<SqlBool> {
  if (!scope) return sql<SqlBool>`1 = 0`;
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const ors: Expression<SqlBool>[] = [];
  const orgRef = sql.ref(cols.org);
  if (scope.subtrees.length) {
    ors.push(
      sql<SqlBool>`${orgRef} in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id in (${sql.join(scope.subtrees)}))`,
    );
  }
  if (scope.orgs.length) ors.push(sql<SqlBool>`${orgRef} in (${sql.join(scope.orgs)})`);
  if (scope.self && cols.person && personId) ors.push(sql<SqlBool>`${sql.ref(cols.person)} = ${personId}`);
  return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
}

/** Whether one org lies inside the actor's scope for a permission (for single-record checks). */
export async function orgInScope(db: Db | Tx, tenantId: string, scope: Scope | null, orgId: string): Promise<boolean> {
  if (!scope) return false;
  if (scope.all || scope.orgs.includes(orgId)) return true;
  if (!scope.subtrees.length) return false;
  const hit = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .where('tenant_id', '=', tenantId)
    .where('descendant_id', '=', orgId)
    .where('ancestor_id', 'in', scope.subtrees)
    .executeTakeFirst();
  return !!hit;
}

/**
 * Whether any of these orgs lies inside the actor's scope: a person belongs to several orgs and is reached
 * through any of them when reading (one closure probe for them all).
 */
export async function someOrgInScope(db: Db | Tx, tenantId: string, scope: Scope | null, orgIds: string[]): Promise<boolean> {
  if (!scope || !orgIds.length) return false;
  if (scope.all || orgIds.some((o) => scope.orgs.includes(o))) return true;
  if (!scope.subtrees.length) return false;
  const hit = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .where('tenant_id', '=', tenantId)
    .where('descendant_id', 'in', orgIds)
    .where('ancestor_id', 'in', scope.subtrees)
    .limit(1)
    .executeTakeFirst();
  return !!hit;
}

/** Every org in the subtrees under these roots (the roots included), read once from org_closure. */
export async function subtreeOrgIds(db: Db | Tx, tenantId: string, roots: string[]): Promise<string[]> {
  if (!roots.length) return [];
  const rows = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('ancestor_id', 'in', roots)
    .execute();
  return rows.map((r) => r.descendant_id);
}

/** A scope with its subtrees expanded to the orgs they hold; `all` reaches every org, `orgIds` is then empty. */
export interface ScopeOrgs {
  all: boolean;
  orgIds: string[];
  self: boolean;
}

/**
 * The orgs a scope reaches, as a list a repository can match with `org_id in (...)` or split per org.
 * An org tree is small, so one read of org_closure replaces a closure join in a query over a large table,
 * where it ties the planner's hands (the people list). No scope reaches nothing.
 */
export async function scopeOrgIds(db: Db | Tx, tenantId: string, scope: Scope | null): Promise<ScopeOrgs> {
  if (!scope) return { all: false, orgIds: [], self: false };
  if (scope.all) return { all: true, orgIds: [], self: scope.self };
  const inSubtrees = await subtreeOrgIds(db, tenantId, scope.subtrees);
  return { all: false, orgIds: [...new Set([...inSubtrees, ...scope.orgs])], self: scope.self };
}
