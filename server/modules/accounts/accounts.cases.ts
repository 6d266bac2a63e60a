import type { RouteCase } from '../../test/route-case.js';
import type { World } from '../../test/world.js';

const userReaders = ['sysadmin', 'secadmin', 'auditor', 'secretary', 'discipline'] as const;
const roleReaders = ['sysadmin', 'secadmin', 'secretary'] as const;
const suffix = () => Math.random().toString(36).slice(2, 8);

async function scratchUser(w: World): Promise<string> {
  const res = await w.as('sysadmin').post('/api/users', { username: `u${suffix()}`, displayName: '临时用户', kind: 'business' });
  return res.json().user.id as string;
}

async function scratchRole(w: World): Promise<string> {
  const res = await w.as('secadmin').post('/api/roles', { code: `r_${suffix()}`, nameZh: '临时角色', nameEn: 'Scratch role', permissions: ['org:read'] });
  return res.json().id as string;
}

async function staffRoleId(w: World): Promise<string> {
  const roles = (await w.as('secadmin').get('/api/roles')).json().items as { id: string; code: string }[];
  return roles.find((r) => r.code === 'staff')!.id;
}

async function scratchAssignment(w: World): Promise<string> {
  const res = await w.as('secadmin').post('/api/assignments', { userId: await scratchUser(w), roleId: await staffRoleId(w), scopeKind: 'self' });
  return res.json().id as string;
}

const userAction = (path: string): RouteCase => ({
  method: 'POST',
  route: `/api/users/:id/${path}`,
  allow: ['sysadmin'],
  request: async (w) => ({ url: `/api/users/${await scratchUser(w)}/${path}` }),
});

export const accountCases: RouteCase[] = [
  { method: 'GET', route: '/api/users', allow: [...userReaders], request: () => ({ url: '/api/users?q=a&page=1&pageSize=5' }) },
  { method: 'GET', route: '/api/users/export.xlsx', allow: [...userReaders], request: () => ({ url: '/api/users/export.xlsx?lang=en-US' }) },
  { method: 'GET', route: '/api/users/:id', allow: [...userReaders], request: (w) => ({ url: `/api/users/${w.users.staff.id}` }) },
  {
    method: 'POST',
    route: '/api/users',
    allow: ['sysadmin'],
    ok: 201,
    request: () => ({ url: '/api/users', body: { username: `new${suffix()}`, displayName: '新用户', kind: 'business' } }),
  },
  { method: 'PATCH', route: '/api/users/:id', allow: ['sysadmin'], request: async (w) => ({ url: `/api/users/${await scratchUser(w)}`, body: { displayName: '改名用户' } }) },
  userAction('disable'),
  userAction('enable'),
  userAction('reset-password'),
  userAction('unlock'),
  userAction('reset-mfa'),
  { method: 'GET', route: '/api/permissions', allow: [...roleReaders], request: () => ({ url: '/api/permissions' }) },
  { method: 'GET', route: '/api/roles', allow: [...roleReaders], request: () => ({ url: '/api/roles' }) },
  {
    method: 'POST',
    route: '/api/roles',
    allow: ['secadmin'],
    ok: 201,
    request: () => ({ url: '/api/roles', body: { code: `role_${suffix()}`, nameZh: '巡察联络员', nameEn: 'Inspection liaison', permissions: ['org:read', 'person:read'] } }),
  },
  { method: 'PATCH', route: '/api/roles/:id', allow: ['secadmin'], request: async (w) => ({ url: `/api/roles/${await scratchRole(w)}`, body: { nameZh: '改名角色', permissions: ['org:read', 'person:read'] } }) },
  { method: 'DELETE', route: '/api/roles/:id', allow: ['secadmin'], request: async (w) => ({ url: `/api/roles/${await scratchRole(w)}` }) },
  { method: 'GET', route: '/api/assignments', allow: [...roleReaders], request: (w) => ({ url: `/api/assignments?userId=${w.users.staff.id}` }) },
  {
    method: 'POST',
    route: '/api/assignments',
    allow: ['secadmin'],
    ok: 201,
    request: async (w) => ({ url: '/api/assignments', body: { userId: await scratchUser(w), roleId: await staffRoleId(w), scopeKind: 'self' } }),
  },
  { method: 'DELETE', route: '/api/assignments/:id', allow: ['secadmin'], request: async (w) => ({ url: `/api/assignments/${await scratchAssignment(w)}` }) },
];
