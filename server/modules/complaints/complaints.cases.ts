import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser, World } from '../../test/world.js';
import { answered, assigned, builtinMatter, dispatched, inProgress, intake, rated, seedCatalogue, withExtensionRequest } from './complaints.fixtures.js';

/** Who holds what among the fixture users: 纪检 every complaint permission, 书记 read and stats, the branch secretary read and handle. */
const readers: FixtureUser[] = ['discipline', 'secretary', 'branchSecretary'];
const supervisors: FixtureUser[] = ['discipline'];
const handlers: FixtureUser[] = ['discipline', 'branchSecretary'];
const statsUsers: FixtureUser[] = ['discipline', 'secretary'];

/** Handled by 第一党支部 (inside the branch secretary's scope) or by 第二党支部 (outside it). */
const inside = (w: World) => dispatched(w);
const outside = (w: World) => dispatched(w, { responsible: 'branch2' });
const handlerScope = (path: string, body: object, build: (w: World, responsible: 'branch1' | 'branch2') => Promise<string>) => [
  {
    as: 'branchSecretary' as const,
    inside: async (w: World) => ({ url: `/api/complaints/${await build(w, 'branch1')}${path}`, body }),
    outside: async (w: World) => ({ url: `/api/complaints/${await build(w, 'branch2')}${path}`, body }),
  },
];

export const complaintCases: RouteCase[] = [
  { method: 'GET', route: '/api/complaints', allow: readers, request: () => ({ url: '/api/complaints?status=dispatched&sla=red&page=1' }) },
  { method: 'GET', route: '/api/complaints/export.xlsx', allow: readers, request: () => ({ url: '/api/complaints/export.xlsx?lang=zh-CN&channel=phone' }) },
  { method: 'GET', route: '/api/complaints/stats', allow: statsUsers, request: () => ({ url: '/api/complaints/stats?by=org&from=2026-01-01' }) },
  { method: 'GET', route: '/api/complaints/stats/export.xlsx', allow: statsUsers, request: () => ({ url: '/api/complaints/stats/export.xlsx?period=week&date=2026-03-02' }) },
  {
    method: 'GET',
    route: '/api/complaints/:id',
    allow: readers,
    request: async (w) => ({ url: `/api/complaints/${await inside(w)}` }),
    scope: [{ as: 'branchSecretary', inside: async (w) => ({ url: `/api/complaints/${await inside(w)}` }), outside: async (w) => ({ url: `/api/complaints/${await outside(w)}` }) }],
  },
  {
    method: 'POST',
    route: '/api/complaints',
    allow: supervisors,
    ok: 201,
    request: async (w) => ({ url: '/api/complaints', body: { channel: 'letter', matterId: await builtinMatter(w), orgId: w.orgs.unitA, content: '来信反映闸站管理所防汛物资采购价格偏高。', anonymous: false, name: '李建国', mobile: '13800001111' } }),
  },
  { method: 'POST', route: '/api/complaints/:id/assign', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${(await intake(w)).id}/assign`, body: { responsibleOrgId: w.orgs.branch1, note: '请第一党支部核实' } }) },
  { method: 'POST', route: '/api/complaints/:id/dispatch', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${await assigned(w)}/dispatch`, body: { note: '限期答复' } }) },
  {
    method: 'POST',
    route: '/api/complaints/:id/accept',
    allow: handlers,
    request: async (w) => ({ url: `/api/complaints/${await inside(w)}/accept`, body: {} }),
    scope: handlerScope('/accept', {}, (w, r) => dispatched(w, { responsible: r })),
  },
  {
    method: 'POST',
    route: '/api/complaints/:id/answer',
    allow: handlers,
    request: async (w) => ({ url: `/api/complaints/${await inProgress(w)}/answer`, body: { answer: '经核查，反映问题属实，已责令整改。' } }),
    scope: handlerScope('/answer', { answer: '已核实并答复。' }, (w, r) => inProgress(w, { responsible: r })),
  },
  { method: 'POST', route: '/api/complaints/:id/redo', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${await rated(w, 'dissatisfied')}/redo`, body: { note: '群众不满意，责成重新核查' } }) },
  { method: 'POST', route: '/api/complaints/:id/close', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${await rated(w, 'satisfied')}/close`, body: { note: '群众满意，予以办结' } }) },
  { method: 'POST', route: '/api/complaints/:id/reject', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${(await intake(w)).id}/reject`, body: { reason: '反映内容不属于本单位受理范围，请向属地政府反映。' } }) },
  {
    method: 'POST',
    route: '/api/complaints/:id/notes',
    allow: handlers,
    request: async (w) => ({ url: `/api/complaints/${await inside(w)}/notes`, body: { body: '已电话联系办公室主任了解情况' } }),
    scope: handlerScope('/notes', { body: '内部备注' }, (w, r) => dispatched(w, { responsible: r })),
  },
  {
    method: 'POST',
    route: '/api/complaints/:id/messages',
    allow: handlers,
    request: async (w) => ({ url: `/api/complaints/${await inside(w)}/messages`, body: { body: '您反映的问题已受理，请补充具体日期。' } }),
  },
  {
    method: 'POST',
    route: '/api/complaints/:id/extensions',
    allow: handlers,
    request: async (w) => ({ url: `/api/complaints/${await inProgress(w)}/extensions`, body: { days: 3, reason: '涉及多个部门，需协调核实' } }),
    scope: handlerScope('/extensions', { days: 2, reason: '需协调核实' }, (w, r) => inProgress(w, { responsible: r })),
  },
  {
    method: 'POST',
    route: '/api/complaints/:id/extensions/:extensionId/decision',
    allow: supervisors,
    request: async (w) => {
      const x = await withExtensionRequest(w);
      return { url: `/api/complaints/${x.id}/extensions/${x.extensionId}/decision`, body: { approve: true, note: '同意延期' } };
    },
  },
  { method: 'POST', route: '/api/complaints/:id/identity', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${(await intake(w, { named: true })).id}/identity`, body: { reason: '需回访核实情况' } }) },
  { method: 'POST', route: '/api/complaints/:id/link', allow: supervisors, request: async (w) => ({ url: `/api/complaints/${(await intake(w)).id}/link`, body: { otherId: (await intake(w)).id } }) },
  {
    method: 'POST',
    route: '/api/complaints/:id/rectification',
    allow: supervisors,
    request: async (w) => ({
      url: `/api/complaints/${await answered(w)}/rectification`,
      body: { title: '公务接待手续不全', ownerId: w.users.staff.personId, days: 10, measure: '补齐公函和接待清单，建立接待审批台账' },
    }),
  },
  { method: 'GET', route: '/api/complaint-catalogue', allow: readers, request: () => ({ url: '/api/complaint-catalogue' }) },
  {
    method: 'POST',
    route: '/api/complaint-catalogue/categories',
    allow: supervisors,
    ok: 201,
    request: () => ({ url: '/api/complaint-catalogue/categories', body: { code: `village_${Math.random().toString(36).slice(2, 8)}`, name: '村务', nameEn: 'Village affairs', description: '村务公开与村级事务' } }),
  },
  {
    method: 'PATCH',
    route: '/api/complaint-catalogue/categories/:id',
    allow: supervisors,
    request: async (w) => {
      await seedCatalogue(w);
      const cat = await w.deps.db.selectFrom('complaint_category').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', 'other').executeTakeFirstOrThrow();
      return { url: `/api/complaint-catalogue/categories/${cat.id}`, body: { description: '其他需要监督的事项', sort: 90 } };
    },
  },
  {
    method: 'POST',
    route: '/api/complaint-catalogue/matters',
    allow: supervisors,
    ok: 201,
    request: async (w) => {
      await seedCatalogue(w);
      const cat = await w.deps.db.selectFrom('complaint_category').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', 'livelihood_funds').executeTakeFirstOrThrow();
      return { url: '/api/complaint-catalogue/matters', body: { categoryId: cat.id, name: '防汛补贴发放', responsibleOrgId: w.orgs.unitA, answerDays: 10 } };
    },
  },
  {
    method: 'PATCH',
    route: '/api/complaint-catalogue/matters/:id',
    allow: supervisors,
    request: async (w) => ({ url: `/api/complaint-catalogue/matters/${await builtinMatter(w, 'other')}`, body: { assignDays: 2, responsibleOrgId: w.orgs.generalBranch } }),
  },
];
