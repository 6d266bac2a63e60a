import { sql, type RawBuilder } from 'kysely';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgsOfPersons } from '../complaints/complaints.recusal.js';

/**
 * 回避 for clues. An account is recused from a clue when its person is the reported person, or belongs
 * (primary org or membership) to the reported org or to any ancestor of it below the tenant root ("within
 * the unit": the root is left out, else the 主要负责人 would be recused from everything). A free-text
 * reported person leaves only the org chain. Checked in SQL on every read, so a listed account that
 * becomes recused simply stops seeing the clue, and no count includes it.
 */
export interface Viewer {
  accountId: string;
  personId: string | null;
  /** The person's orgs that are not a tenant root. */
  chainOrgs: string[];
}

export async function viewerOf(db: Db | Tx, ctx: Ctx): Promise<Viewer | null> {
  if (ctx.actor.kind !== 'user') return null;
  const personId = ctx.actor.personId;
  return { accountId: ctx.actor.userId, personId, chainOrgs: await nonRootOrgsOf(db, ctx.tenantId, personId) };
}

async function nonRootOrgsOf(db: Db | Tx, tenantId: string, personId: string | null): Promise<string[]> {
  if (!personId) return [];
  const orgs = [...((await orgsOfPersons(db, tenantId, [personId])).get(personId) ?? [])];
  if (!orgs.length) return [];
  const rows = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', 'in', orgs).where('parent_id', 'is not', null).execute();
  return rows.map((r) => r.id);
}

/** SQL condition on a clue aliased `c`: the viewer is not recused from it. */
export function notRecused(v: Viewer): RawBuilder<boolean> {
  const person = v.personId ? sql`(c.reported_person_id is null or c.reported_person_id <> ${v.personId})` : sql`1 = 1`;
  if (!v.chainOrgs.length) return sql<boolean>`${person}`;
  return sql<boolean>`${person} and not exists (select 1 from org_closure oc where oc.tenant_id = c.tenant_id
    and oc.descendant_id = c.reported_org_id and oc.ancestor_id in (${sql.join(v.chainOrgs)}))`;
}

/** SQL condition on a clue aliased `c`: the viewer is on its access list and not recused. */
export function visibleTo(v: Viewer): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from clue_access ca where ca.tenant_id = c.tenant_id and ca.clue_id = c.id
    and ca.account_id = ${v.accountId} and ca.removed_at is null) and ${notRecused(v)}`;
}

/** Whether an account (to be added to the list) is recused from this clue. */
export async function accountRecused(db: Db | Tx, tenantId: string, accountId: string, clue: { id: string }): Promise<boolean> {
  const account = await db.selectFrom('user_account').select('person_id').where('tenant_id', '=', tenantId).where('id', '=', accountId).executeTakeFirst();
  const personId = account?.person_id ?? null;
  const v: Viewer = { accountId, personId, chainOrgs: await nonRootOrgsOf(db, tenantId, personId) };
  const row = await db
    .selectFrom('clue as c')
    .select('c.id')
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', clue.id)
    .where(notRecused(v))
    .executeTakeFirst();
  return !row;
}
