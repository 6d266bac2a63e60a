import { describe, expect, it } from 'vitest';
import { buildDemoPlan } from './demo-plan.js';
import { idCheckDigit, isValidIdNumber } from './id-number.js';

describe('GB 11643 check digit', () => {
  it.each([
    ['11010519491231002X', true],
    ['440524188001010014', true],
    ['110105194912310021', false],
    ['11010519491231002x', false],
  ])('%s valid = %s', (id, ok) => {
    expect(isValidIdNumber(id)).toBe(ok);
  });

  it('uses ISO 7064 MOD 11-2 weights', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });
});

describe('demo plan', () => {
  const plan = buildDemoPlan();

  it('is the same on every run', () => {
    expect(buildDemoPlan()).toEqual(plan);
    expect(buildDemoPlan(1).people.map((p) => p.name)).not.toEqual(plan.people.map((p) => p.name));
  });

  it('has about 120 distinct people with valid, gender-consistent ID numbers and mobiles', () => {
    expect(plan.people.length).toBe(120);
    expect(new Set(plan.people.map((p) => p.name)).size).toBe(plan.people.length);
    expect(new Set(plan.people.map((p) => p.idNumber)).size).toBe(plan.people.length);
    for (const p of plan.people) {
      expect(isValidIdNumber(p.idNumber), p.idNumber).toBe(true);
      expect(p.idNumber.slice(6, 14)).toBe(p.birthDate.replaceAll('-', ''));
      expect(Number(p.idNumber[16]) % 2).toBe(p.gender === 'male' ? 1 : 0);
      expect(p.mobile).toMatch(/^1[3-9][0-9]{9}$/);
    }
  });

  it('makes most people party members, each in a branch and a 党小组, joined after turning eighteen', () => {
    const members = plan.people.filter((p) => p.politicalStatus === 'cpc_member' || p.politicalStatus === 'cpc_probationary');
    expect(members.length / plan.people.length).toBeGreaterThan(0.7);
    const kinds = new Map(plan.orgs.map((o) => [o.key, o.kind]));
    for (const m of members) {
      expect(m.orgs.some((o) => kinds.get(o) === 'party_group' || kinds.get(o) === 'party_general_branch')).toBe(true);
      expect(Number(m.partyJoinDate!.slice(0, 4)) - Number(m.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
    for (const p of plan.people.filter((x) => !members.includes(x))) expect(p.partyJoinDate).toBeNull();
  });

  it('refers only to orgs and people it defines, and every post has a holder', () => {
    const orgs = new Set(plan.orgs.map((o) => o.key));
    const people = new Set(plan.people.map((p) => p.key));
    for (const o of plan.orgs) if (o.parent) expect(orgs.has(o.parent)).toBe(true);
    for (const p of plan.people) for (const o of p.orgs) expect(orgs.has(o)).toBe(true);
    for (const p of plan.posts) {
      expect(orgs.has(p.org)).toBe(true);
      expect(p.holders.length).toBeGreaterThan(0);
      for (const h of p.holders) expect(people.has(h)).toBe(true);
    }
    for (const l of plan.leaders) for (const o of l.oversees) expect(orgs.has(o)).toBe(true);
    for (const a of plan.accounts) {
      if (a.person) expect(people.has(a.person)).toBe(true);
      for (const o of a.scopeOrgs) expect(orgs.has(o)).toBe(true);
    }
  });

  it('keeps the three administrators apart from any person and gives business roles their scope', () => {
    const byName = new Map(plan.accounts.map((a) => [a.username, a]));
    for (const u of ['admin', 'secadmin', 'auditor']) expect(byName.get(u)).toMatchObject({ person: null, scope: 'tenant' });
    expect(byName.get('leader1')!.scopeOrgs).toEqual(plan.leaders[1]!.oversees);
    expect(byName.get('zhibu')).toMatchObject({ role: 'branch_secretary', scope: 'subtree', scopeOrgs: ['branchSluice'] });
    expect(byName.get('staff')).toMatchObject({ role: 'staff', scope: 'self' });
  });
});
