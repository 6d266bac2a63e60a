import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser, World } from '../../test/world.js';
import { getLetter, issueLetter, makeTemplate, scratchOrg, signedLetter } from './duty-letters.fixture.js';

/** Everyone with duty:read, duty:sign (the business roles with a person); the org officers hold duty:manage. */
const readers: FixtureUser[] = ['secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'];
const signers: FixtureUser[] = ['secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'];
const managers: FixtureUser[] = ['orgOfficer', 'discipline', 'unitOfficer'];

/** Parties that include the caller when the caller has a person (so self-scoped staff reach the letter). */
function partiesFor(as: FixtureUser | null): FixtureUser[] {
  return as && as !== 'secretary' && signers.includes(as) ? ['secretary', as] : ['secretary', 'staff'];
}

const letterFor = (w: World, as: FixtureUser | null) => issueLetter(w, partiesFor(as));

async function issueBody(w: World, orgId: string) {
  return { year: 2026, letters: [{ templateId: await makeTemplate(w), level: 'section', orgId, partyPersonIds: [w.users.secretary.personId, w.users.staff.personId] }] };
}

const templateBody = {
  name: '案例模板',
  title: '{year}年度党风廉政建设责任书',
  duties: ['落实一岗双责'],
  signatureLabels: ['甲方', '乙方'],
};

export const dutyLetterCases: RouteCase[] = [
  { method: 'GET', route: '/api/duty-letter-templates', allow: readers, request: () => ({ url: '/api/duty-letter-templates?level=unit&q=模板' }) },
  { method: 'POST', route: '/api/duty-letter-templates', allow: managers, ok: 201, request: () => ({ url: '/api/duty-letter-templates', body: templateBody }) },
  { method: 'GET', route: '/api/duty-letter-templates/:id', allow: readers, request: async (w) => ({ url: `/api/duty-letter-templates/${await makeTemplate(w)}` }) },
  {
    method: 'PATCH',
    route: '/api/duty-letter-templates/:id',
    allow: managers,
    request: async (w) => ({ url: `/api/duty-letter-templates/${await makeTemplate(w)}`, body: { name: '改名', level: null } }),
  },
  { method: 'DELETE', route: '/api/duty-letter-templates/:id', allow: managers, request: async (w) => ({ url: `/api/duty-letter-templates/${await makeTemplate(w)}` }) },
  { method: 'GET', route: '/api/duty-letters/proposal', allow: managers, request: () => ({ url: '/api/duty-letters/proposal?year=2026' }) },
  {
    method: 'POST',
    route: '/api/duty-letters/issue',
    allow: managers,
    ok: 201,
    request: async (w) => ({ url: '/api/duty-letters/issue', body: await issueBody(w, await scratchOrg(w)) }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: '/api/duty-letters/issue', body: await issueBody(w, await scratchOrg(w, 'unitA')) }),
        outside: async (w) => ({ url: '/api/duty-letters/issue', body: await issueBody(w, await scratchOrg(w, 'office')) }),
        denied: 403,
      },
    ],
  },
  { method: 'GET', route: '/api/duty-letters', allow: readers, request: () => ({ url: '/api/duty-letters?year=2026&level=section&status=issued&q=责任书&page=1&pageSize=5' }) },
  { method: 'GET', route: '/api/duty-letters/mine', allow: signers, request: () => ({ url: '/api/duty-letters/mine?pending=true' }) },
  { method: 'GET', route: '/api/duty-letters/board', allow: readers, request: (w) => ({ url: `/api/duty-letters/board?year=2026&orgId=${w.orgs.bureau}` }) },
  { method: 'GET', route: '/api/duty-letters/board/export.xlsx', allow: readers, request: () => ({ url: '/api/duty-letters/board/export.xlsx?year=2026&lang=en-US' }) },
  {
    method: 'GET',
    route: '/api/duty-letters/:id',
    allow: readers,
    request: async (w, as) => ({ url: `/api/duty-letters/${await letterFor(w, as)}` }),
    scope: [
      {
        as: 'branchSecretary',
        inside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'], { under: 'branch1', level: 'branch' })}` }),
        outside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'], { under: 'branch2', level: 'branch' })}` }),
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/duty-letters/:id',
    allow: managers,
    request: async (w, as) => ({ url: `/api/duty-letters/${await letterFor(w, as)}`, body: { title: '修改后的责任书', duties: ['一条'] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'])}`, body: { closing: '改' } }),
        outside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'], { under: 'office' })}`, body: { closing: '改' } }),
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/duty-letters/:id',
    allow: managers,
    request: async (w, as) => ({ url: `/api/duty-letters/${await letterFor(w, as)}` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'])}` }),
        outside: async (w) => ({ url: `/api/duty-letters/${await issueLetter(w, ['secretary', 'discipline'], { under: 'office' })}` }),
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/duty-letters/:id/sign',
    allow: signers,
    request: async (w, as) => {
      const id = await letterFor(w, as);
      return { url: `/api/duty-letters/${id}/sign`, body: { contentHash: (await getLetter(w, id)).contentHash } };
    },
  },
  {
    method: 'POST',
    route: '/api/duty-letters/:id/revise',
    allow: managers,
    ok: 201,
    request: async (w, as) => ({ url: `/api/duty-letters/${await signedLetter(w, partiesFor(as))}/revise`, body: { reason: '职责调整', closing: '修订' } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/duty-letters/${await signedLetter(w, ['secretary', 'staff'])}/revise`, body: { reason: '职责调整' } }),
        outside: async (w) => ({ url: `/api/duty-letters/${await signedLetter(w, ['secretary', 'staff'], { under: 'office' })}/revise`, body: { reason: '职责调整' } }),
      },
    ],
  },
  { method: 'GET', route: '/api/duty-letters/:id/letter.docx', allow: readers, request: async (w, as) => ({ url: `/api/duty-letters/${await letterFor(w, as)}/letter.docx?lang=zh-CN` }) },
  {
    method: 'GET',
    route: '/api/duty-letters/:id/parties/:partyId/signature',
    allow: readers,
    request: async (w, as) => {
      const letter = await getLetter(w, await signedLetter(w, partiesFor(as)));
      return { url: `/api/duty-letters/${letter.id}/parties/${letter.parties[0]!.id}/signature` };
    },
  },
  { method: 'GET', route: '/api/dual-duty', allow: readers, request: () => ({ url: '/api/dual-duty?year=2026' }) },
  {
    method: 'GET',
    route: '/api/dual-duty/:personId',
    allow: readers,
    request: (w, as) => ({ url: `/api/dual-duty/${(as && w.users[as].personId) ?? w.users.secretary.personId}?year=2026` }),
    scope: [
      {
        as: 'branchSecretary',
        inside: (w) => ({ url: `/api/dual-duty/${w.users.staff.personId}?year=2026` }),
        outside: (w) => ({ url: `/api/dual-duty/${w.users.orgOfficer.personId}?year=2026` }),
      },
    ],
  },
];
