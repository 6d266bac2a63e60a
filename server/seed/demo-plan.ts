import type { RoleKind, ScopeKind } from '../../contracts/permissions.js';
import { branchPosts, demoLeaders, demoOrgs, demoUnits, RETIREES, type DemoOrg } from './demo-orgs.js';
import { makeIdNumber, makeMobile } from './id-number.js';
import { makeName } from './names.js';
import { seededRng, type Rng } from './prng.js';

export interface DemoPerson {
  key: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  politicalStatus: string;
  partyJoinDate: string | null;
  idNumber: string;
  mobile: string;
  primaryOrg: string;
  /** Every org the person belongs to, the primary one first (party branch and 党小组 for members). */
  orgs: string[];
}

export interface DemoPost {
  org: string;
  name: string;
  description: string;
  holders: string[];
}

export interface DemoLeader {
  person: string;
  title: string;
  sort: number;
  oversees: string[];
}

export interface DemoAccount {
  username: string;
  kind: RoleKind;
  role: string;
  scope: ScopeKind;
  /** One assignment per org for subtree scopes. */
  scopeOrgs: string[];
  person: string | null;
}

export interface DemoPlan {
  orgs: DemoOrg[];
  people: DemoPerson[];
  posts: DemoPost[];
  leaders: DemoLeader[];
  accounts: DemoAccount[];
}

/** The one documented password of every demo account (docs/operations.md); it satisfies the default policy. */
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_SEED = 20231231;

const pad = (n: number) => String(n).padStart(2, '0');

function date(rng: Rng, year: number): string {
  return `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function politicalStatus(rng: Rng, birthYear: number): string {
  const r = rng.next();
  if (r < 0.74) return 'cpc_member';
  if (r < 0.8) return 'cpc_probationary';
  if (r < 0.88) return birthYear >= 1995 ? 'cyl_member' : 'masses';
  if (r < 0.92) return 'democratic_party';
  return 'masses';
}

function joinDate(rng: Rng, status: string, birthYear: number): string | null {
  if (status === 'cpc_probationary') return date(rng, 2025);
  if (status !== 'cpc_member') return null;
  return date(rng, Math.min(2024, birthYear + rng.int(20, 32)));
}

const isMember = (status: string) => status === 'cpc_member' || status === 'cpc_probationary';

/** The whole demo directory as plain data, the same on every run (seeded PRNG, no clock). */
export function buildDemoPlan(seed = DEMO_SEED): DemoPlan {
  const rng = seededRng(seed);
  const usedNames = new Set<string>();
  const people: DemoPerson[] = [];

  const person = (key: string, primaryOrg: string, branch: string, group: string, opts: { gender?: 'male' | 'female'; born: [number, number]; member?: boolean }): DemoPerson => {
    const gender = opts.gender ?? (rng.chance(0.62) ? 'male' : 'female');
    let name = makeName(rng, gender);
    while (usedNames.has(name)) name = makeName(rng, gender);
    usedNames.add(name);
    const birthYear = rng.int(opts.born[0], opts.born[1]);
    const birthDate = date(rng, birthYear);
    const status = opts.member ? 'cpc_member' : politicalStatus(rng, birthYear);
    const p: DemoPerson = {
      key,
      name,
      gender,
      birthDate,
      politicalStatus: status,
      partyJoinDate: joinDate(rng, status, birthYear),
      idNumber: makeIdNumber(rng, birthDate, gender),
      mobile: makeMobile(rng),
      primaryOrg,
      orgs: isMember(status) ? [primaryOrg, branch, group].filter((o, i, all) => all.indexOf(o) === i) : [primaryOrg],
    };
    people.push(p);
    return p;
  };

  const leaders: DemoLeader[] = demoLeaders.map((l, i) => {
    person(l.key, 'bureau', 'branchOffice', i === 0 ? 'partyGeneral' : 'groupOffice1', { gender: l.gender, born: [1968, 1978], member: true });
    return { person: l.key, title: l.title, sort: (i + 1) * 10, oversees: l.oversees };
  });

  const posts: DemoPost[] = [];
  const branchMembers = new Map<string, string[]>();
  for (const u of demoUnits) {
    const keys: string[] = [];
    for (let i = 0; i < u.count; i++) {
      const p = person(`${u.org}-${i + 1}`, u.org, u.branch, u.groups[i % u.groups.length]!, { born: i === 0 ? [1970, 1982] : [1968, 2001], member: i === 0 });
      keys.push(p.key);
      if (isMember(p.politicalStatus)) branchMembers.set(u.branch, [...(branchMembers.get(u.branch) ?? []), p.key]);
    }
    const [head, ...rest] = u.posts;
    posts.push({ org: u.org, name: head![0], description: head![1], holders: [keys[0]!] });
    rest.forEach(([name, description], j) => {
      posts.push({ org: u.org, name, description, holders: keys.slice(1).filter((_, k) => k % rest.length === j) });
    });
  }
  for (let i = 0; i < RETIREES; i++) {
    const p = person(`retired-${i + 1}`, 'branchRetired', 'branchRetired', 'groupRetired', { born: [1944, 1963], member: true });
    branchMembers.set('branchRetired', [...(branchMembers.get('branchRetired') ?? []), p.key]);
  }
  for (const [branch, members] of branchMembers) {
    branchPosts.forEach(([name, description], j) => posts.push({ org: branch, name, description, holders: [members[j]!] }));
  }

  const branchSecretary = posts.find((p) => p.org === 'branchSluice' && p.name === branchPosts[0]![0])!.holders[0]!;
  const accounts: DemoAccount[] = [
    { username: 'admin', kind: 'system', role: 'sys_admin', scope: 'tenant', scopeOrgs: [], person: null },
    { username: 'secadmin', kind: 'security', role: 'security_admin', scope: 'tenant', scopeOrgs: [], person: null },
    { username: 'auditor', kind: 'audit', role: 'audit_admin', scope: 'tenant', scopeOrgs: [], person: null },
    { username: 'secretary', kind: 'business', role: 'secretary', scope: 'tenant', scopeOrgs: [], person: 'chief' },
    { username: 'jijian', kind: 'business', role: 'discipline_officer', scope: 'tenant', scopeOrgs: [], person: 'inspector' },
    { username: 'jijian2', kind: 'business', role: 'discipline_officer', scope: 'tenant', scopeOrgs: [], person: 'personnel-2' },
    { username: 'baoguan', kind: 'business', role: 'clue_custodian', scope: 'tenant', scopeOrgs: [], person: 'office-2' },
    { username: 'zuzhi', kind: 'business', role: 'org_officer', scope: 'tenant', scopeOrgs: [], person: 'personnel-1' },
    { username: 'leader1', kind: 'business', role: 'leader', scope: 'subtree', scopeOrgs: leaders[1]!.oversees, person: 'deputy1' },
    { username: 'zhibu', kind: 'business', role: 'branch_secretary', scope: 'subtree', scopeOrgs: ['branchSluice'], person: branchSecretary },
    { username: 'staff', kind: 'business', role: 'staff', scope: 'self', scopeOrgs: [], person: 'patrol1-4' },
  ];
  return { orgs: demoOrgs, people, posts, leaders, accounts };
}
