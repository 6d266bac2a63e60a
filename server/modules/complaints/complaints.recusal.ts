import type { Ctx, Db, Tx } from '../../platform/context.js';
import { ancestorsMap, grantHolders, usersCovering } from '../../platform/access/directory.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';

/**
 * 回避. A handler whose person belongs to the accused org, to one of its ancestors or to one of its
 * descendants may not handle the complaint; anyone named in it may not even see it. The rule is checked
 * on every list and action (so a handler appointed later is caught too); complaint_recusal keeps the log
 * of who was excluded when the complaint was assigned.
 */

/** The orgs a person belongs to: the primary org and every other membership. */
export async function orgsOfPersons(db: Db | Tx, tenantId: string, personIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!personIds.length) return out;
  const ids = [...new Set(personIds)];
  const [primary, memberships] = await Promise.all([
    db.selectFrom('person').select(['id', 'primary_org_id']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute(),
    db.selectFrom('person_org').select(['person_id', 'org_id']).where('tenant_id', '=', tenantId).where('person_id', 'in', ids).execute(),
  ]);
  const add = (p: string, o: string) => out.set(p, (out.get(p) ?? new Set()).add(o));
  for (const r of primary) add(r.id, r.primary_org_id);
  for (const r of memberships) add(r.person_id, r.org_id);
  return out;
}

/** Every org on the chain through these orgs: themselves, their ancestors and their descendants. */
export async function chainOf(db: Db | Tx, tenantId: string, orgIds: string[]): Promise<Set<string>> {
  if (!orgIds.length) return new Set();
  const rows = await db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('ancestor_id', 'in', orgIds), eb('descendant_id', 'in', orgIds)]))
    .execute();
  const out = new Set(orgIds);
  for (const r of rows) {
    out.add(r.ancestor_id);
    out.add(r.descendant_id);
  }
  return out;
}

/**
 * The accused orgs a person may never handle: an org X is on the chain of one of the person's orgs P
 * exactly when P is on the chain of X, so one walk from the person's orgs answers for every complaint.
 */
export async function chainExcludedOrgs(db: Db | Tx, tenantId: string, personId: string | null): Promise<Set<string>> {
  if (!personId) return new Set();
  const orgs = (await orgsOfPersons(db, tenantId, [personId])).get(personId) ?? new Set<string>();
  return chainOf(db, tenantId, [...orgs]);
}

export async function namedPersons(db: Db | Tx, tenantId: string, complaintId: string): Promise<string[]> {
  const rows = await db.selectFrom('complaint_named_person').select('person_id').where('tenant_id', '=', tenantId).where('complaint_id', '=', complaintId).execute();
  return rows.map((r) => r.person_id);
}

/**
 * At 分办: every person named in the complaint, and every would-be handler of the responsible org who sits
 * on the accused org's chain, is written down once with the reason. Returns how many were excluded.
 */
export async function recordRecusals(tx: Tx, ctx: Ctx, complaint: { id: string; org_id: string }, responsibleOrgId: string, named: string[]): Promise<number> {
  const [holders, ancestors, chain] = await Promise.all([
    grantHolders(tx, ctx.tenantId, 'complaint:handle'),
    ancestorsMap(tx, ctx.tenantId),
    chainOf(tx, ctx.tenantId, [complaint.org_id]),
  ]);
  const candidates = usersCovering(holders, [responsibleOrgId], ancestors).flatMap((h) => (h.personId ? [h.personId] : []));
  const memberships = await orgsOfPersons(tx, ctx.tenantId, candidates);
  const reasons = new Map<string, 'accused_org_chain' | 'named'>();
  for (const p of candidates) if ([...(memberships.get(p) ?? [])].some((o) => chain.has(o))) reasons.set(p, 'accused_org_chain');
  for (const p of named) reasons.set(p, 'named');
  const at = nowIso(ctx.deps.clock);
  for (const [person_id, reason] of reasons) {
    await tx
      .insertInto('complaint_recusal')
      .values({ tenant_id: ctx.tenantId, id: newId(), complaint_id: complaint.id, person_id, reason, at })
      .onConflict((oc) => oc.columns(['tenant_id', 'complaint_id', 'person_id']).doUpdateSet({ reason, at }))
      .execute();
  }
  return reasons.size;
}

/**
 * Who should hear about a complaint (dispatch, redo, reminders): the active accounts whose grant of the
 * permission reaches its orgs, minus people named in it and, for handlers, anyone on the accused org's
 * chain or recorded as recused. Reads the org tree and the grants once for many complaints.
 */
export async function recipientDirectory(db: Db | Tx, tenantId: string, permission: 'complaint:handle' | 'complaint:supervise') {
  const [holders, closure] = await Promise.all([
    grantHolders(db, tenantId, permission),
    db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id']).where('tenant_id', '=', tenantId).execute(),
  ]);
  const ancestors = new Map<string, Set<string>>();
  const descendants = new Map<string, Set<string>>();
  for (const r of closure) {
    ancestors.set(r.descendant_id, (ancestors.get(r.descendant_id) ?? new Set()).add(r.ancestor_id));
    descendants.set(r.ancestor_id, (descendants.get(r.ancestor_id) ?? new Set()).add(r.descendant_id));
  }
  const memberships = await orgsOfPersons(db, tenantId, holders.flatMap((h) => (h.personId ? [h.personId] : [])));
  const onChain = (personId: string, orgId: string) => {
    const chain = new Set([...(ancestors.get(orgId) ?? []), ...(descendants.get(orgId) ?? []), orgId]);
    return [...(memberships.get(personId) ?? [])].some((o) => chain.has(o));
  };
  return (c: { org_id: string; responsible_org_id: string | null }, excludedPersons: Set<string>): string[] => {
    const orgs = permission === 'complaint:handle' ? [c.responsible_org_id] : [c.org_id, c.responsible_org_id];
    return usersCovering(holders, orgs, ancestors)
      .filter((h) => !h.personId || (!excludedPersons.has(h.personId) && !(permission === 'complaint:handle' && onChain(h.personId, c.org_id))))
      .map((h) => h.userId);
  };
}

/**
 * People never told about each complaint: those named in it, and for handler messages also everyone
 * recorded as recused (a 监督部门 member on the chain still supervises, so only `named` counts for them).
 */
export async function excludedPersons(db: Db | Tx, tenantId: string, complaintIds: string[], permission: 'complaint:handle' | 'complaint:supervise'): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!complaintIds.length) return out;
  let recusals = db.selectFrom('complaint_recusal').select(['complaint_id', 'person_id']).where('tenant_id', '=', tenantId).where('complaint_id', 'in', complaintIds);
  if (permission === 'complaint:supervise') recusals = recusals.where('reason', '=', 'named');
  const [named, recused] = await Promise.all([
    db.selectFrom('complaint_named_person').select(['complaint_id', 'person_id']).where('tenant_id', '=', tenantId).where('complaint_id', 'in', complaintIds).execute(),
    recusals.execute(),
  ]);
  for (const r of [...named, ...recused]) out.set(r.complaint_id, (out.get(r.complaint_id) ?? new Set()).add(r.person_id));
  return out;
}
