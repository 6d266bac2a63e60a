import { draftOf } from '../../platform/storage/attachments.cases.js';
import type { RouteCase } from '../../test/route-case.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';
import { breakdownUpload, dutyManagers, dutyReaders, homeOrg, pendingReport, scratchPlan, scratchTask } from './duty-tasks.fixtures.js';

/** A plan every reader sees: a task in the caller's own org, owned by the caller when they have a person. */
async function visiblePlan(w: World, as: FixtureUser | null): Promise<string> {
  const owner = as && w.users[as].personId ? as : null;
  return (await scratchTask(w, { org: as === 'staff' ? 'office' : homeOrg(as), owner })).planId;
}

/** A task the caller may report on: they own it (or staff does, for callers refused anyway). */
async function ownTask(w: World, as: FixtureUser | null): Promise<string> {
  const owner = as && (dutyReaders as readonly string[]).includes(as) ? as : 'staff';
  return (await scratchTask(w, { org: owner === 'staff' ? 'office' : homeOrg(owner), owner })).taskId;
}

/** The org a manager assigns from, and one below it. */
const assigning = (as: FixtureUser | null): [FixtureOrg, FixtureOrg] => (as === 'unitOfficer' ? ['unitA', 'unitASection'] : ['bureau', 'office']);

export const dutyTaskCases: RouteCase[] = [
  { method: 'GET', route: '/api/duty-plans', allow: [...dutyReaders], request: () => ({ url: '/api/duty-plans?year=2026&page=1' }) },
  {
    method: 'POST',
    route: '/api/duty-plans',
    allow: [...dutyManagers],
    ok: 201,
    request: (w, as) => ({ url: '/api/duty-plans', body: { year: 2026, title: '2026年全面从严治党重点任务', orgId: w.orgs[assigning(as)[0]] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: (w) => ({ url: '/api/duty-plans', body: { year: 2026, title: '闸站管理所重点任务', orgId: w.orgs.unitA } }),
        outside: (w) => ({ url: '/api/duty-plans', body: { year: 2026, title: '越权计划', orgId: w.orgs.bureau } }),
        denied: 403,
      },
    ],
  },
  { method: 'GET', route: '/api/duty-plans/import-template.xlsx', allow: [...dutyManagers], request: () => ({ url: '/api/duty-plans/import-template.xlsx?lang=zh-CN' }) },
  {
    method: 'GET',
    route: '/api/duty-plans/:id',
    allow: [...dutyReaders],
    request: async (w, as) => ({ url: `/api/duty-plans/${await visiblePlan(w, as)}` }),
    scope: [
      {
        as: 'branchSecretary',
        inside: async (w) => ({ url: `/api/duty-plans/${(await scratchTask(w, { org: 'branch1' })).planId}` }),
        outside: async (w) => ({ url: `/api/duty-plans/${(await scratchTask(w, { org: 'branch2' })).planId}` }),
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/duty-plans/:id',
    allow: [...dutyManagers],
    request: async (w, as) => ({ url: `/api/duty-plans/${await scratchPlan(w, assigning(as)[0])}`, body: { title: '2026年度重点任务（修订）' } }),
  },
  { method: 'GET', route: '/api/duty-plans/:id/tasks', allow: [...dutyReaders], request: async (w, as) => ({ url: `/api/duty-plans/${await visiblePlan(w, as)}/tasks` }) },
  { method: 'GET', route: '/api/duty-plans/:id/summary', allow: [...dutyReaders], request: async (w, as) => ({ url: `/api/duty-plans/${await visiblePlan(w, as)}/summary` }) },
  {
    method: 'GET',
    route: '/api/duty-plans/:id/export.xlsx',
    allow: [...dutyReaders],
    request: async (w, as) => ({ url: `/api/duty-plans/${await visiblePlan(w, as)}/export.xlsx?lang=zh-CN` }),
  },
  {
    method: 'POST',
    route: '/api/duty-plans/:id/import',
    allow: [...dutyManagers],
    multipart: true,
    request: async (w, as) => {
      const [planOrg, org] = assigning(as);
      const planId = await scratchPlan(w, planOrg);
      const orgName = org === 'office' ? '办公室' : '运行股';
      return { url: `/api/duty-plans/${planId}/import`, ...(await breakdownUpload([['1', null, '制定年度工作要点', '印发年度党风廉政建设工作要点', null, orgName, null, null, '2026-03-31', '方案', 10]])) };
    },
  },
  { method: 'GET', route: '/api/duty-tasks', allow: [...dutyReaders], request: () => ({ url: '/api/duty-tasks?year=2026&overdue=false&page=1' }) },
  {
    method: 'POST',
    route: '/api/duty-tasks',
    allow: [...dutyManagers],
    ok: 201,
    request: async (w, as) => {
      const [planOrg, org] = assigning(as);
      return {
        url: '/api/duty-tasks',
        body: { planId: await scratchPlan(w, planOrg), title: '开展廉政谈话', orgId: w.orgs[org], deadline: '2026-06-30', evidenceForms: ['talk_notes'], weight: 5 },
      };
    },
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: '/api/duty-tasks', body: { planId: await scratchPlan(w, 'unitA'), title: '所内廉政谈话', orgId: w.orgs.unitASection, deadline: '2026-06-30', evidenceForms: ['talk_notes'], weight: 5 } }),
        outside: async (w) => ({ url: '/api/duty-tasks', body: { planId: await scratchPlan(w, 'bureau'), title: '越权任务', orgId: w.orgs.unitASection, deadline: '2026-06-30', evidenceForms: ['talk_notes'], weight: 5 } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'GET',
    route: '/api/duty-tasks/:id',
    allow: [...dutyReaders],
    request: async (w, as) => ({ url: `/api/duty-tasks/${await ownTask(w, as)}` }),
    scope: [
      {
        as: 'branchSecretary',
        inside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'branch1' })).taskId}` }),
        outside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'branch2' })).taskId}` }),
      },
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'office', owner: 'staff' })).taskId}` }),
        outside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'branch1', owner: 'branchSecretary' })).taskId}` }),
      },
    ],
  },
  {
    method: 'PATCH',
    route: '/api/duty-tasks/:id',
    allow: [...dutyManagers],
    request: async (w, as) => {
      const [planOrg, org] = assigning(as);
      return { url: `/api/duty-tasks/${(await scratchTask(w, { planOrg, org })).taskId}`, body: { weight: 20, deadline: '2026-11-30' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/duty-tasks/:id',
    allow: [...dutyManagers],
    request: async (w, as) => {
      const [planOrg, org] = assigning(as);
      return { url: `/api/duty-tasks/${(await scratchTask(w, { planOrg, org })).taskId}` };
    },
  },
  {
    method: 'POST',
    route: '/api/duty-tasks/:id/decompose',
    allow: [...dutyManagers],
    request: async (w, as) => {
      const [planOrg, org] = assigning(as);
      return { url: `/api/duty-tasks/${(await scratchTask(w, { planOrg, org: planOrg })).taskId}/decompose`, body: { children: [{ orgId: w.orgs[org], weight: 1 }] } };
    },
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'unitA' })).taskId}/decompose`, body: { children: [{ orgId: w.orgs.unitASection, weight: 1 }] } }),
        outside: async (w) => ({ url: `/api/duty-tasks/${(await scratchTask(w, { org: 'office' })).taskId}/decompose`, body: { children: [{ orgId: w.orgs.office, weight: 1 }] } }),
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/duty-tasks/:id/reports',
    allow: [...dutyReaders],
    request: async (w, as) => {
      const owner = as && (dutyReaders as readonly string[]).includes(as) ? as : 'staff';
      return { url: `/api/duty-tasks/${await ownTask(w, as)}/reports`, body: { percent: 50, note: '已完成半年工作。', attachmentIds: [await draftOf(w, owner)] } };
    },
  },
  {
    method: 'POST',
    route: '/api/duty-tasks/:id/reports/:reportId/accept',
    allow: [...dutyManagers],
    request: async (w, as) => {
      const r = await pendingReport(w, ...assigning(as));
      return { url: `/api/duty-tasks/${r.taskId}/reports/${r.reportId}/accept`, body: { comment: '材料齐全' } };
    },
  },
  {
    method: 'POST',
    route: '/api/duty-tasks/:id/reports/:reportId/return',
    allow: [...dutyManagers],
    request: async (w, as) => {
      const r = await pendingReport(w, ...assigning(as));
      return { url: `/api/duty-tasks/${r.taskId}/reports/${r.reportId}/return`, body: { comment: '缺少会议记录，请补充。' } };
    },
  },
];
