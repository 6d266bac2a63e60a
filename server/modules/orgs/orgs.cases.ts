import type { RouteCase } from '../../test/route-case.js';
import type { World } from '../../test/world.js';

const managers = ['sysadmin', 'orgOfficer', 'unitOfficer'] as const;
const readers = ['sysadmin', 'secadmin', 'auditor', 'secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'] as const;

async function scratchOrg(w: World, parent = w.orgs.unitA): Promise<string> {
  const res = await w.as('sysadmin').post('/api/orgs', { parentId: parent, kind: 'section', name: `临时股室${Math.random().toString(36).slice(2, 8)}` });
  return res.json().id as string;
}

export const orgCases: RouteCase[] = [
  { method: 'GET', route: '/api/orgs', allow: [...readers], request: () => ({ url: '/api/orgs' }) },
  { method: 'GET', route: '/api/orgs/export.xlsx', allow: [...readers], request: () => ({ url: '/api/orgs/export.xlsx' }) },
  {
    method: 'GET',
    route: '/api/orgs/:id',
    allow: [...readers],
    request: (w) => ({ url: `/api/orgs/${w.orgs.unitA}` }),
    scope: [{ as: 'branchSecretary', inside: (w) => ({ url: `/api/orgs/${w.orgs.branch1}` }), outside: (w) => ({ url: `/api/orgs/${w.orgs.branch2}` }) }],
  },
  {
    method: 'POST',
    route: '/api/orgs',
    allow: [...managers],
    ok: 201,
    request: (w) => ({ url: '/api/orgs', body: { parentId: w.orgs.unitA, kind: 'section', name: '新设股室' } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: (w) => ({ url: '/api/orgs', body: { parentId: w.orgs.unitA, kind: 'section', name: '所内新股室' } }),
        outside: (w) => ({ url: '/api/orgs', body: { parentId: w.orgs.office, kind: 'section', name: '越权股室' } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}`, body: { name: '更名股室' } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: (w) => ({ url: `/api/orgs/${w.orgs.unitASection}`, body: { shortName: '运行' } }),
        outside: (w) => ({ url: `/api/orgs/${w.orgs.office}`, body: { shortName: '办' } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/orgs/:id/move',
    allow: [...managers],
    request: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}/move`, body: { parentId: w.orgs.unitASection, sort: 1 } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}/move`, body: { parentId: w.orgs.unitASection, sort: 1 } }),
        outside: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}/move`, body: { parentId: w.orgs.office, sort: 1 } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/orgs/${await scratchOrg(w)}` }),
        outside: async (w) => ({ url: `/api/orgs/${await scratchOrg(w, w.orgs.office)}` }),
        denied: 403,
      },
    ],
  },
];
