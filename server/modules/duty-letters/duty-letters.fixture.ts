import { expect } from 'vitest';
import type { DutyLetter, DutyLevel } from '../../../contracts/duty-letters.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';

let n = 0;

/** A template with two or three signature blocks, made by the tenant-wide manager. */
export async function makeTemplate(w: World, blocks = 3): Promise<string> {
  const res = await w.as('orgOfficer').post('/api/duty-letter-templates', {
    name: `责任书模板${++n}`,
    level: 'unit',
    title: '{year}年度{org}党风廉政建设责任书',
    preamble: '为深入推进全面从严治党，落实党风廉政建设主体责任，签订本责任书。',
    duties: ['认真履行“一岗双责”，每季度听取分管领域党风廉政建设汇报1次。', '{year}年内至少开展2次专题调研。'],
    closing: '本责任书一式两份，自签订之日起生效。',
    signatureLabels: ['甲方（签字）', '乙方（签字）', '丙方（签字）'].slice(0, blocks),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A fresh section under a fixture org, so that letters issued for it never meet an earlier one. */
export async function scratchOrg(w: World, parent: FixtureOrg = 'unitA'): Promise<string> {
  const res = await w.as('sysadmin').post('/api/orgs', { parentId: w.orgs[parent], kind: 'section', name: `责任书股室${++n}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/**
 * Issues one letter between fixture users (all of whom have people and accounts): for a fixture org, or for a
 * fresh section under one (闸站管理所 by default), so that it never meets an earlier letter.
 */
export async function issueLetter(
  w: World,
  parties: FixtureUser[],
  opts: { org?: FixtureOrg; under?: FixtureOrg; level?: DutyLevel; year?: number; as?: FixtureUser; templateId?: string } = {},
): Promise<string> {
  const templateId = opts.templateId ?? (await makeTemplate(w));
  const orgId = opts.org ? w.orgs[opts.org] : await scratchOrg(w, opts.under);
  const res = await w.as(opts.as ?? 'orgOfficer').post('/api/duty-letters/issue', {
    year: opts.year ?? 2026,
    letters: [{ templateId, level: opts.level ?? 'section', orgId, partyPersonIds: parties.map((u) => w.users[u].personId!) }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().ids[0] as string;
}

export async function getLetter(w: World, id: string, as: FixtureUser = 'orgOfficer'): Promise<DutyLetter> {
  const res = await w.as(as).get(`/api/duty-letters/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DutyLetter;
}

export async function sign(w: World, id: string, as: FixtureUser): Promise<DutyLetter> {
  const { contentHash } = await getLetter(w, id, as);
  const res = await w.as(as).post(`/api/duty-letters/${id}/sign`, { contentHash });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DutyLetter;
}

/** A letter every party has signed. */
export async function signedLetter(w: World, parties: FixtureUser[], opts: Parameters<typeof issueLetter>[2] = {}): Promise<string> {
  const id = await issueLetter(w, parties, opts);
  for (const p of parties) await sign(w, id, p);
  return id;
}

/**
 * The leadership: secretary (书记, first by sort) oversees nothing; discipline oversees 闸站管理所 and 办公室;
 * orgOfficer oversees 第一党支部. Heads come from scoped roles: the unit officer (org_officer over 闸站管理所)
 * and the branch secretary (branch_secretary over 第一党支部); 办公室 has none. Returns the leader ids.
 */
export async function seatLeadership(w: World): Promise<Record<'secretary' | 'discipline' | 'orgOfficer', string>> {
  const leader = async (as: FixtureUser, title: string, sort: number, oversees: FixtureOrg[]) => {
    const res = await w.as('orgOfficer').post('/api/leaders', { personId: w.users[as].personId, title, sort, overseesOrgIds: oversees.map((o) => w.orgs[o]) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  return {
    secretary: await leader('secretary', '党总支书记', 0, []),
    discipline: await leader('discipline', '纪检委员', 1, ['unitA', 'office']),
    orgOfficer: await leader('orgOfficer', '副局长', 2, ['branch1']),
  };
}
