import type { RouteCase } from '../../test/route-case.js';
import type { World } from '../../test/world.js';

async function scratchDictItem(w: World): Promise<string> {
  const code = `case_${Math.random().toString(36).slice(2, 10)}`;
  const res = await w.as('sysadmin').post('/api/dicts', { dictCode: 'evidence_form', code, labelZh: '临时材料', labelEn: 'Scratch' });
  return res.json().id as string;
}

async function builtinDictItem(w: World): Promise<string> {
  const row = await w.deps.db.selectFrom('dict_item').select('id').where('tenant_id', '=', w.tenantId).where('dict_code', '=', 'evidence_form').where('code', '=', 'photo').executeTakeFirstOrThrow();
  return row.id;
}

export const settingsCases: RouteCase[] = [
  // No route permission: the service requires setting:manage or security_policy:manage and lists only the kind each may edit.
  { method: 'GET', route: '/api/settings', allow: ['sysadmin', 'secadmin'], request: () => ({ url: '/api/settings' }) },
  {
    method: 'PUT',
    route: '/api/settings/:key',
    // No route permission either: the key's kind picks the permission (system → sysadmin, security → secadmin).
    allow: ['sysadmin', 'secadmin'],
    request: (_w, as) =>
      as === 'secadmin'
        ? { url: '/api/settings/security.password.history', body: { value: 6 } }
        : { url: '/api/settings/system.notify.digestHour', body: { value: 9 } },
  },
  { method: 'GET', route: '/api/dicts', allow: 'any-session', request: () => ({ url: '/api/dicts?dictCode=evidence_form' }) },
  {
    method: 'POST',
    route: '/api/dicts',
    allow: ['sysadmin'],
    ok: 201,
    request: () => ({ url: '/api/dicts', body: { dictCode: 'evidence_form', code: `case_${Math.random().toString(36).slice(2, 10)}`, labelZh: '台账照片', labelEn: 'Ledger photo', sort: 60 } }),
  },
  { method: 'PATCH', route: '/api/dicts/:id', allow: ['sysadmin'], request: async (w) => ({ url: `/api/dicts/${await builtinDictItem(w)}`, body: { labelEn: 'Photograph' } }) },
  { method: 'DELETE', route: '/api/dicts/:id', allow: ['sysadmin'], request: async (w) => ({ url: `/api/dicts/${await scratchDictItem(w)}` }) },
  { method: 'GET', route: '/api/calendar/:year', allow: 'any-session', request: () => ({ url: '/api/calendar/2026?lang=zh-CN' }) },
  { method: 'GET', route: '/api/calendar/overrides', allow: ['sysadmin'], request: () => ({ url: '/api/calendar/overrides' }) },
  {
    method: 'PUT',
    route: '/api/calendar/overrides/:date',
    allow: ['sysadmin'],
    request: () => ({ url: '/api/calendar/overrides/2031-07-15', body: { kind: 'holiday', note: '防汛应急停工' } }),
  },
  {
    method: 'DELETE',
    route: '/api/calendar/overrides/:date',
    allow: ['sysadmin'],
    request: async (w) => {
      await w.as('sysadmin').put('/api/calendar/overrides/2031-08-01', { kind: 'workday', note: '集中办公' });
      return { url: '/api/calendar/overrides/2031-08-01' };
    },
  },
  { method: 'GET', route: '/api/jobs', allow: ['sysadmin'], request: () => ({ url: '/api/jobs?status=queued&pageSize=10' }) },
];
