import type { CaseRequest, RouteCase } from '../../test/route-case.js';
import type { FixtureOrg, World } from '../../test/world.js';
import { multipartUpload, randomIdNumber, rosterWorkbook } from './roster.fixture.js';

/** Holders of person:read, person:manage (= post:manage = leader:manage), person:reveal and org:read among the fixture users. */
const readers = ['sysadmin', 'secadmin', 'secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary'] as const;
const managers = ['sysadmin', 'orgOfficer', 'unitOfficer'] as const;
const revealers = ['secretary', 'discipline', 'orgOfficer', 'unitOfficer'] as const;
const orgReaders = ['sysadmin', 'secadmin', 'auditor', 'secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'] as const;

const suffix = () => Math.random().toString(36).slice(2, 8);

async function scratchPerson(w: World, org: FixtureOrg = 'unitASection'): Promise<string> {
  const res = await w.as('sysadmin').post('/api/people', { name: `临时人员${suffix()}`, gender: 'female', politicalStatus: 'masses', primaryOrgId: w.orgs[org] });
  return res.json().id as string;
}

async function scratchPost(w: World, org: FixtureOrg = 'unitASection'): Promise<string> {
  const res = await w.as('sysadmin').post('/api/posts', { orgId: w.orgs[org], name: `临时岗位${suffix()}` });
  return res.json().id as string;
}

async function scratchLeader(w: World, org: FixtureOrg = 'unitASection'): Promise<string> {
  const res = await w.as('sysadmin').post('/api/leaders', { personId: await scratchPerson(w, org), title: '副所长', overseesOrgIds: [w.orgs[org]] });
  return res.json().id as string;
}

async function rosterUpload(orgName: string): Promise<CaseRequest> {
  const { body, headers } = multipartUpload(await rosterWorkbook([[`导入人员${suffix()}`, '男', '1990-01-01', '群众', null, randomIdNumber(), null, orgName, null]]));
  return { url: '/api/people/import', body, headers };
}

const reveal = (id: string): CaseRequest => ({ url: `/api/people/${id}/reveal`, body: { reason: '核对身份信息' } });

export const peopleCases: RouteCase[] = [
  { method: 'GET', route: '/api/people', allow: [...readers], request: () => ({ url: '/api/people?q=同志&page=1&pageSize=5' }) },
  { method: 'GET', route: '/api/people/export.xlsx', allow: [...readers], request: () => ({ url: '/api/people/export.xlsx?lang=zh-CN' }) },
  { method: 'GET', route: '/api/people/import-template.xlsx', allow: [...managers], request: () => ({ url: '/api/people/import-template.xlsx?lang=en-US' }) },
  { method: 'POST', route: '/api/people/import', allow: [...managers], multipart: true, request: () => rosterUpload('运行股') },
  {
    method: 'GET',
    route: '/api/people/:id',
    allow: [...readers],
    request: (w) => ({ url: `/api/people/${w.users.unitOfficer.personId}` }),
    scope: [
      { as: 'unitOfficer', inside: (w) => ({ url: `/api/people/${w.users.unitOfficer.personId}` }), outside: (w) => ({ url: `/api/people/${w.users.orgOfficer.personId}` }) },
      { as: 'branchSecretary', inside: (w) => ({ url: `/api/people/${w.users.staff.personId}` }), outside: (w) => ({ url: `/api/people/${w.users.unitOfficer.personId}` }) },
    ],
  },
  {
    method: 'POST',
    route: '/api/people',
    allow: [...managers],
    ok: 201,
    request: (w) => ({
      url: '/api/people',
      body: { name: '新进人员', gender: 'male', birthDate: '1992-05-04', politicalStatus: 'cpc_member', partyJoinDate: '2015-07-01', mobile: '13700001111', primaryOrgId: w.orgs.unitASection, orgIds: [w.orgs.branch1] },
    }),
    scope: [
      {
        as: 'unitOfficer',
        inside: (w) => ({ url: '/api/people', body: { name: '所内人员', gender: 'female', politicalStatus: 'masses', primaryOrgId: w.orgs.unitA } }),
        outside: (w) => ({ url: '/api/people', body: { name: '越权人员', gender: 'female', politicalStatus: 'masses', primaryOrgId: w.orgs.office } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/people/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/people/${await scratchPerson(w)}`, body: { name: '改名人员', status: 'left' } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/people/${await scratchPerson(w)}`, body: { mobile: '13600002222' } }),
        outside: async (w) => ({ url: `/api/people/${await scratchPerson(w, 'office')}`, body: { mobile: '13600002222' } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/people/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/people/${await scratchPerson(w)}` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/people/${await scratchPerson(w)}` }),
        outside: async (w) => ({ url: `/api/people/${await scratchPerson(w, 'office')}` }),
        denied: 403,
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/people/:id/reveal',
    allow: [...revealers],
    request: (w) => reveal(w.users.unitOfficer.personId!),
    scope: [{ as: 'unitOfficer', inside: (w) => reveal(w.users.unitOfficer.personId!), outside: (w) => reveal(w.users.orgOfficer.personId!), denied: 403 }],
  },

  { method: 'GET', route: '/api/posts', allow: [...orgReaders], request: (w) => ({ url: `/api/posts?orgId=${w.orgs.unitA}&q=岗` }) },
  { method: 'GET', route: '/api/posts/export.xlsx', allow: [...orgReaders], request: () => ({ url: '/api/posts/export.xlsx?lang=en-US' }) },
  {
    method: 'POST',
    route: '/api/posts',
    allow: [...managers],
    ok: 201,
    request: (w) => ({ url: '/api/posts', body: { orgId: w.orgs.unitASection, name: `值班岗${suffix()}`, description: '负责闸站值班', sort: 1, holderIds: [w.users.unitOfficer.personId] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: (w) => ({ url: '/api/posts', body: { orgId: w.orgs.unitA, name: `所内岗位${suffix()}` } }),
        outside: (w) => ({ url: '/api/posts', body: { orgId: w.orgs.office, name: `越权岗位${suffix()}` } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/posts/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/posts/${await scratchPost(w)}`, body: { description: '调整职责', holderIds: [w.users.unitOfficer.personId] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/posts/${await scratchPost(w)}`, body: { sort: 3 } }),
        outside: async (w) => ({ url: `/api/posts/${await scratchPost(w, 'office')}`, body: { sort: 3 } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/posts/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/posts/${await scratchPost(w)}` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/posts/${await scratchPost(w)}` }),
        outside: async (w) => ({ url: `/api/posts/${await scratchPost(w, 'office')}` }),
        denied: 403,
      },
    ],
  },

  { method: 'GET', route: '/api/leaders', allow: [...orgReaders], request: () => ({ url: '/api/leaders' }) },
  { method: 'GET', route: '/api/leaders/export.xlsx', allow: [...orgReaders], request: () => ({ url: '/api/leaders/export.xlsx' }) },
  {
    method: 'POST',
    route: '/api/leaders',
    allow: [...managers],
    ok: 201,
    request: async (w) => ({ url: '/api/leaders', body: { personId: await scratchPerson(w), title: '副所长', sort: 2, overseesOrgIds: [w.orgs.unitASection] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: '/api/leaders', body: { personId: await scratchPerson(w), title: '副所长', overseesOrgIds: [w.orgs.unitA] } }),
        outside: async (w) => ({ url: '/api/leaders', body: { personId: await scratchPerson(w, 'office'), title: '副局长', overseesOrgIds: [w.orgs.office] } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/leaders/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/leaders/${await scratchLeader(w)}`, body: { title: '所长', overseesOrgIds: [w.orgs.unitA, w.orgs.unitASection] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/leaders/${await scratchLeader(w)}`, body: { sort: 1 } }),
        outside: async (w) => ({ url: `/api/leaders/${await scratchLeader(w, 'office')}`, body: { sort: 1 } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/leaders/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/leaders/${await scratchLeader(w)}` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/leaders/${await scratchLeader(w)}` }),
        outside: async (w) => ({ url: `/api/leaders/${await scratchLeader(w, 'office')}` }),
        denied: 403,
      },
    ],
  },
];
