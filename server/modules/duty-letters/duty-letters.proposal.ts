import type { DutyLevel, DutyProposal, ProposedLetter } from '../../../contracts/duty-letters.js';
import { businessRoleHolders } from '../../platform/access/directory.js';
import type { Ctx, Db } from '../../platform/context.js';
import { canManageOrg } from './duty-letters.policy.js';
import { partyKey } from './duty-letters.content.js';
import { currentLettersOfYear, partyPeople } from './duty-letters.repo.js';

interface Person {
  id: string;
  name: string;
  hasAccount: boolean;
}

function levelOfOrg(kind: string): DutyLevel {
  if (kind === 'bureau') return 'bureau';
  if (kind === 'subordinate_unit') return 'unit';
  if (kind === 'section') return 'section';
  return 'branch';
}

/** Roles that mark the head of the org they are scoped to, best first; any other business role scoped there comes after. */
const HEAD_ROLES = ['unit_head', 'branch_secretary'];

/**
 * The head of each org: a person whose active account holds a business role scoped to exactly that org
 * (org or subtree scope), unit_head and branch_secretary before other roles. Leadership members are not
 * heads: their leader role is scoped to the orgs they oversee.
 */
async function orgHeads(db: Db, tenantId: string, leaderPeople: Set<string>): Promise<Map<string, Person>> {
  const holders = (await businessRoleHolders(db, tenantId)).filter(
    (h) => (h.scopeKind === 'org' || h.scopeKind === 'subtree') && h.scopeOrgId && h.personId && !leaderPeople.has(h.personId),
  );
  const people = new Map((await partyPeople(db, tenantId, holders.map((h) => h.personId!))).map((p) => [p.id, p]));
  const rank = (code: string) => (HEAD_ROLES.includes(code) ? HEAD_ROLES.indexOf(code) : HEAD_ROLES.length);
  const best = new Map<string, { rank: number; person: Person }>();
  for (const h of holders) {
    const p = people.get(h.personId!);
    if (!p) continue;
    const had = best.get(h.scopeOrgId!);
    const r = rank(h.roleCode);
    if (!had || r < had.rank || (r === had.rank && p.name.localeCompare(had.person.name) < 0)) best.set(h.scopeOrgId!, { rank: r, person: { id: p.id, name: p.name, hasAccount: true } });
  }
  return new Map([...best].map(([org, b]) => [org, b.person]));
}

/**
 * The letters a year's issuance would create (see ProposedLetter): 书记 (the first leader by sort) ↔ each other
 * 班子成员 for the 局; each 局属单位 with the 书记 on behalf of the 局, its overseeing member and its head; each
 * 党支部 with its overseeing member (else the 书记 for the 党总支) and its secretary; each other overseen org
 * with its member and its head. Only orgs in the caller's duty:manage scope are proposed.
 */
export async function proposeLetters(ctx: Ctx, year: number): Promise<DutyProposal> {
  const db = ctx.deps.db;
  const tenantId = ctx.tenantId;
  const leaders = await db
    .selectFrom('leader as l')
    .innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.person_id'))
    .select(['l.id as leader_id', 'p.id', 'p.name'])
    .select((eb) =>
      eb.exists(eb.selectFrom('user_account as u').select('u.id').whereRef('u.tenant_id', '=', 'p.tenant_id').whereRef('u.person_id', '=', 'p.id').where('u.status', '=', 'active')).as('has_account'),
    )
    .where('l.tenant_id', '=', tenantId)
    .where('p.status', '=', 'active')
    .orderBy('l.sort')
    .orderBy('p.name')
    .execute();
  const orgs = await db.selectFrom('org').select(['id', 'name', 'kind', 'parent_id', 'sort']).where('tenant_id', '=', tenantId).where('status', '=', 'active').orderBy('sort').orderBy('name').execute();
  const oversight = await db.selectFrom('leader_oversight').select(['leader_id', 'org_id']).where('tenant_id', '=', tenantId).execute();
  const heads = await orgHeads(db, tenantId, new Set(leaders.map((l) => l.id)));
  const existing = new Map((await currentLettersOfYear(db, tenantId, year)).map((l) => [`${l.org_id}|${l.party_key}`, l.id]));

  const person = (l: (typeof leaders)[number]): Person => ({ id: l.id, name: l.name, hasAccount: !!l.has_account });
  const chief = leaders[0];
  const root = orgs.find((o) => o.parent_id === null && o.kind === 'bureau') ?? orgs.find((o) => o.parent_id === null);
  const items: ProposedLetter[] = [];
  const unresolved: DutyProposal['unresolved'] = [];
  const add = async (level: DutyLevel, org: (typeof orgs)[number], parties: Person[]) => {
    if (!(await canManageOrg(db, ctx, org.id))) return;
    const unique = parties.filter((p, i) => parties.findIndex((q) => q.id === p.id) === i);
    if (unique.length < 2) return;
    items.push({
      level,
      org: { id: org.id, name: org.name, kind: org.kind },
      parties: unique.map((p) => ({ person: { id: p.id, name: p.name }, hasAccount: p.hasAccount })),
      existingLetterId: existing.get(`${org.id}|${partyKey(unique.map((p) => p.id))}`) ?? null,
    });
  };
  if (!chief || !root) return { year, items, unresolved };

  for (const l of leaders.slice(1)) await add('bureau', root, [person(chief), person(l)]);
  const overseers = new Map<string, (typeof leaders)[number]>();
  for (const o of oversight) {
    const l = leaders.find((x) => x.leader_id === o.leader_id);
    if (l && !overseers.has(o.org_id)) overseers.set(o.org_id, l);
  }
  for (const org of orgs) {
    if (org.id === root.id) continue;
    const member = overseers.get(org.id);
    const unit = org.kind === 'subordinate_unit';
    if (!member && !unit && org.kind !== 'party_branch') continue;
    const level = levelOfOrg(org.kind);
    const head = heads.get(org.id);
    if (!head) {
      if (await canManageOrg(db, ctx, org.id)) unresolved.push({ level, org: { id: org.id, name: org.name }, overseenBy: { id: (member ?? chief).id, name: (member ?? chief).name } });
      continue;
    }
    const side = unit ? [person(chief), ...(member ? [person(member)] : [])] : [person(member ?? chief)];
    await add(level, org, [...side, head]);
  }
  return { year, items, unresolved };
}
