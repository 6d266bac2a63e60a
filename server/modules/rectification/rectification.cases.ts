import { draftOf } from '../../platform/storage/attachments.cases.js';
import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser, World } from '../../test/world.js';
import { multipartWorkbook } from './rectification.test-sheets.js';
import { awaitingVerification, closedItem, scratchItem, withExtensionRequest } from './rectification.fixtures.js';

const readers = ['secretary', 'discipline', 'branchSecretary', 'staff'] as const;
const managers = ['discipline', 'branchSecretary'] as const;
const verifiers = ['secretary', 'discipline'] as const;

/** Owner-side routes act as the caller on an item they own; callers without a person (or refused anyway) use staff's. */
const ownerFor = (w: World, as: FixtureUser | null): FixtureUser => (as && (readers as readonly string[]).includes(as) && w.users[as].personId ? as : 'staff');

export const rectificationCases: RouteCase[] = [
  { method: 'GET', route: '/api/rectification', allow: [...readers], request: () => ({ url: '/api/rectification?status=pending&page=1' }) },
  { method: 'GET', route: '/api/rectification/summary', allow: [...readers], request: () => ({ url: '/api/rectification/summary' }) },
  { method: 'GET', route: '/api/rectification/export.xlsx', allow: [...readers], request: () => ({ url: '/api/rectification/export.xlsx?lang=zh-CN' }) },
  { method: 'GET', route: '/api/rectification/import-template.xlsx', allow: [...managers], request: () => ({ url: '/api/rectification/import-template.xlsx' }) },
  {
    method: 'POST',
    route: '/api/rectification/import',
    allow: [...managers],
    multipart: true,
    request: async () => ({ url: '/api/rectification/import', ...(await multipartWorkbook([['问题标题', '问题描述', '整改措施', '责任单位', '责任人', '整改时限（工作日或日期）'], ['台账不全', '支部台账缺少三季度记录', '补齐台账', '第一党支部', 'staff同志', '15']])) }),
  },
  {
    method: 'GET',
    route: '/api/rectification/:id',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/rectification/${(await scratchItem(w, ownerFor(w, as))).id}` }),
    scope: [
      {
        as: 'branchSecretary',
        inside: async (w) => ({ url: `/api/rectification/${(await scratchItem(w, 'staff', 'branch1')).id}` }),
        outside: async (w) => ({ url: `/api/rectification/${(await scratchItem(w, 'discipline', 'branch2')).id}` }),
      },
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/rectification/${(await scratchItem(w, 'staff', 'office')).id}` }),
        outside: async (w) => ({ url: `/api/rectification/${(await scratchItem(w, 'branchSecretary', 'branch1')).id}` }),
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/rectification',
    allow: [...managers],
    ok: 201,
    request: (w) => ({
      url: '/api/rectification',
      body: { sourceType: 'life_meeting', title: '组织生活会查摆问题', problem: '批评与自我批评不够深入。', orgId: w.orgs.branch1, ownerId: w.users.branchSecretary.personId, days: 20, measures: [{ description: '开展专题学习', ownerId: w.users.branchSecretary.personId }] },
    }),
    scope: [
      {
        as: 'branchSecretary',
        inside: (w) => ({ url: '/api/rectification', body: { sourceType: 'manual', title: '支部问题', problem: '问题描述', orgId: w.orgs.branch1, ownerId: w.users.staff.personId, days: 5, measures: [{ description: '措施', ownerId: w.users.staff.personId }] } }),
        outside: (w) => ({ url: '/api/rectification', body: { sourceType: 'manual', title: '越权问题', problem: '问题描述', orgId: w.orgs.office, ownerId: w.users.staff.personId, days: 5, measures: [{ description: '措施', ownerId: w.users.staff.personId }] } }),
        denied: 403,
      },
    ],
  },
  { method: 'PATCH', route: '/api/rectification/:id', allow: [...managers], request: async (w) => ({ url: `/api/rectification/${(await scratchItem(w)).id}`, body: { rootCause: '制度执行不严' } }) },
  {
    method: 'POST',
    route: '/api/rectification/:id/start',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/rectification/${(await scratchItem(w, ownerFor(w, as))).id}/start`, body: { note: '已着手整改' } }),
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/measures',
    allow: [...managers],
    request: async (w) => ({ url: `/api/rectification/${(await scratchItem(w)).id}/measures`, body: { description: '建立长效机制', ownerId: w.users.staff.personId } }),
  },
  {
    method: 'PATCH',
    route: '/api/rectification/:id/measures/:measureId',
    allow: [...readers],
    request: async (w, as) => {
      const s = await scratchItem(w, ownerFor(w, as));
      return { url: `/api/rectification/${s.id}/measures/${s.measureId}`, body: { status: 'done', note: '已完成' } };
    },
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/measures/:measureId/evidence',
    allow: [...readers],
    request: async (w, as) => {
      const owner = ownerFor(w, as);
      const s = await scratchItem(w, owner);
      return { url: `/api/rectification/${s.id}/measures/${s.measureId}/evidence`, body: { attachmentIds: [await draftOf(w, owner)] } };
    },
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/submit',
    allow: [...readers],
    ok: 409,
    request: async (w, as) => ({ url: `/api/rectification/${(await scratchItem(w, ownerFor(w, as))).id}/submit`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/verify',
    allow: [...verifiers],
    request: async (w) => ({ url: `/api/rectification/${await awaitingVerification(w)}/verify`, body: { pass: true } }),
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/extensions',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/rectification/${(await scratchItem(w, ownerFor(w, as))).id}/extensions`, body: { days: 3, reason: '需协调财务部门' } }),
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/extensions/:extensionId/decision',
    allow: [...verifiers],
    request: async (w) => {
      const x = await withExtensionRequest(w);
      return { url: `/api/rectification/${x.id}/extensions/${x.extensionId}/decision`, body: { approve: true, note: '同意延期' } };
    },
  },
  {
    method: 'POST',
    route: '/api/rectification/:id/reopen',
    allow: [...verifiers],
    request: async (w) => ({ url: `/api/rectification/${await closedItem(w)}/reopen`, body: { note: '回头看发现问题反弹', days: 10 } }),
  },
];
