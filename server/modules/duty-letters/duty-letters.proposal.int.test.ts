import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyProposal, IssueDutyLetters } from '../../../contracts/duty-letters.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { makeTemplate, seatLeadership } from './duty-letters.fixture.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
  await seatLeadership(w);
});
afterAll(async () => w.close());

const names = (p: DutyProposal['items'][number]) => p.parties.map((x) => x.person.name);
const propose = async (as: FixtureUser = 'orgOfficer', year = 2026) => {
  const res = await w.as(as).get(`/api/duty-letters/proposal?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DutyProposal;
};

describe('the proposal for a year', () => {
  it('pairs 书记 with each member, each unit with 书记, its member and head, each branch and overseen org with its member (else 书记) and head', async () => {
    const p = await propose();
    expect(p.items.map((i) => [i.level, i.org.id, names(i)])).toEqual([
      ['bureau', w.orgs.bureau, ['secretary同志', 'discipline同志']],
      ['bureau', w.orgs.bureau, ['secretary同志', 'orgOfficer同志']],
      ['branch', w.orgs.branch1, ['orgOfficer同志', 'branchSecretary同志']],
      ['unit', w.orgs.unitA, ['secretary同志', 'discipline同志', 'unitOfficer同志']],
    ]);
    expect(p.items.every((i) => i.existingLetterId === null && i.parties.every((x) => x.hasAccount))).toBe(true);
    expect(p.unresolved).toEqual([
      { level: 'branch', org: { id: w.orgs.branch2, name: '第二党支部' }, overseenBy: { id: w.users.secretary.personId, name: 'secretary同志' } },
      { level: 'section', org: { id: w.orgs.office, name: '办公室' }, overseenBy: { id: w.users.discipline.personId, name: 'discipline同志' } },
    ]);
  });

  it('offers a scoped issuer only the orgs in their scope', async () => {
    const p = await propose('unitOfficer');
    expect(p.items.map((i) => i.org.id)).toEqual([w.orgs.unitA]);
    expect(p.unresolved).toEqual([]);
  });

  it('once issued, names the letters already there, and issues only what is new', async () => {
    const p = await propose();
    const unitTemplate = await makeTemplate(w, 3);
    const body: IssueDutyLetters = {
      year: 2026,
      letters: p.items.map((i) => ({ templateId: unitTemplate, level: i.level, orgId: i.org.id, partyPersonIds: i.parties.map((x) => x.person.id) })),
    };
    const res = await w.as('orgOfficer').post('/api/duty-letters/issue', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(4);
    const again = await propose();
    expect(again.items.map((i) => i.existingLetterId).sort()).toEqual([...res.json().ids].sort());
    expect((await propose('orgOfficer', 2027)).items.every((i) => i.existingLetterId === null)).toBe(true);
    expect((await w.as('orgOfficer').post('/api/duty-letters/issue', body)).json().error.code).toBe('DUPLICATE');
  });
});

describe('heads', () => {
  it('are never leadership members, whose leader role is scoped to what they oversee', async () => {
    const leaderRole = (await w.as('secadmin').get('/api/roles')).json().items.find((r: { code: string }) => r.code === 'leader').id as string;
    const res = await w.as('secadmin').post('/api/assignments', { userId: w.users.discipline.id, roleId: leaderRole, scopeKind: 'subtree', scopeOrgId: w.orgs.office });
    expect(res.statusCode, res.body).toBe(201);
    const p = await propose();
    expect(p.unresolved.map((u) => u.org.id)).toContain(w.orgs.office);
    expect(p.items.some((i) => i.org.id === w.orgs.office)).toBe(false);
  });
});
