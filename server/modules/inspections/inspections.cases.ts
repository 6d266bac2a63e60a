import type { RouteCase } from '../../test/route-case.js';
import { checklistId, declaredDraw, drawnDraw, personOf, recorderFor, scratchChecklist, scratchPlan, scratchRecord, withFinding } from './inspections.fixtures.js';

const checklistReaders = ['sysadmin', 'secretary', 'discipline'] as const;
const checklistManagers = ['sysadmin', 'discipline'] as const;
const readers = ['secretary', 'discipline'] as const;
const managers = ['discipline'] as const;
/** Recording is open to inspection:conduct holders and to anyone named inspector: every fixture user who is a person. */
const recorders = ['staff', 'secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary'] as const;

export const inspectionCases: RouteCase[] = [
  { method: 'GET', route: '/api/checklists', allow: [...checklistReaders], request: () => ({ url: '/api/checklists' }) },
  { method: 'GET', route: '/api/checklists/:id', allow: [...checklistReaders], request: async (w) => ({ url: `/api/checklists/${await checklistId(w)}` }) },
  {
    method: 'POST',
    route: '/api/checklists',
    allow: [...checklistManagers],
    ok: 201,
    request: () => ({
      url: '/api/checklists',
      body: { code: `spot_${Math.random().toString(36).slice(2, 8)}`, name: '党建工作专项检查', category: 'custom', items: [{ text: '支部是否按期换届', guidance: '查阅换届请示和批复' }] },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/checklists/:id',
    allow: [...checklistManagers],
    request: async (w) => ({ url: `/api/checklists/${(await scratchChecklist(w)).id}`, body: { name: '更名后的清单', items: [{ text: '会议记录是否完整' }, { text: '新增检查项' }] } }),
  },
  {
    method: 'GET',
    route: '/api/inspection-plans',
    allow: 'any-session',
    request: (w) => ({ url: `/api/inspection-plans?kind=routine&status=draft&orgId=${w.orgs.bureau}&page=1&pageSize=10` }),
  },
  {
    method: 'GET',
    route: '/api/inspection-plans/:id',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/inspection-plans/${(await scratchPlan(w, { inspectors: [recorderFor(w, as)] })).id}` }),
    scope: [{ as: 'staff', inside: async (w) => ({ url: `/api/inspection-plans/${(await scratchPlan(w, { inspectors: ['staff'] })).id}` }), outside: async (w) => ({ url: `/api/inspection-plans/${(await scratchPlan(w)).id}` }) }],
  },
  {
    method: 'POST',
    route: '/api/inspection-plans',
    allow: [...managers],
    ok: 201,
    request: async (w) => ({
      url: '/api/inspection-plans',
      body: {
        title: '2026年一季度“三公”经费抽查', kind: 'random_check', subject: '抽查公务接待、公务用车和因公出国（境）经费', checklistId: await checklistId(w, 'three_public'),
        periodStart: '2026-03-01', periodEnd: '2026-03-31', targetOrgIds: [w.orgs.unitA], inspectorIds: [personOf(w, 'orgOfficer')],
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/inspection-plans/:id',
    allow: [...managers],
    request: async (w) => ({ url: `/api/inspection-plans/${(await scratchPlan(w)).id}`, body: { status: 'active', targetOrgIds: [w.orgs.office] } }),
  },
  {
    method: 'GET',
    route: '/api/inspection-plans/:id/records',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/inspection-plans/${(await scratchRecord(w, recorderFor(w, as))).planId}/records` }),
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/inspection-plans/${(await scratchRecord(w, 'staff')).planId}/records` }),
        outside: async (w) => ({ url: `/api/inspection-plans/${(await scratchRecord(w, 'orgOfficer')).planId}/records` }),
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/inspection-plans/:id/records',
    allow: [...recorders],
    ok: 201,
    request: async (w, as) => {
      const plan = await scratchPlan(w, { inspectors: [recorderFor(w, as)], targets: ['unitA'] });
      return { url: `/api/inspection-plans/${plan.id}/records`, body: { orgId: w.orgs.unitA, inspectedOn: '2026-03-03', unannounced: true, inspectorIds: [personOf(w, recorderFor(w, as))], summary: '现场查看接待台账' } };
    },
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/inspection-plans/${(await scratchPlan(w, { inspectors: ['staff'], targets: ['office'] })).id}/records`, body: { orgId: w.orgs.office, inspectedOn: '2026-03-03', inspectorIds: [personOf(w, 'staff')] } }),
        outside: async (w) => ({ url: `/api/inspection-plans/${(await scratchPlan(w, { targets: ['office'] })).id}/records`, body: { orgId: w.orgs.office, inspectedOn: '2026-03-03', inspectorIds: [personOf(w, 'staff')] } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'GET',
    route: '/api/inspection-records/:id',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/inspection-records/${(await scratchRecord(w, recorderFor(w, as))).id}` }),
    scope: [{ as: 'staff', inside: async (w) => ({ url: `/api/inspection-records/${(await scratchRecord(w, 'staff')).id}` }), outside: async (w) => ({ url: `/api/inspection-records/${(await scratchRecord(w, 'orgOfficer')).id}` }) }],
  },
  {
    method: 'PUT',
    route: '/api/inspection-records/:id/results',
    allow: [...recorders],
    request: async (w, as) => {
      const r = await scratchRecord(w, recorderFor(w, as));
      return { url: `/api/inspection-records/${r.id}/results`, body: { summary: '台账基本齐全', results: [{ itemId: r.results[0].itemId, result: 'fail', note: '缺少公函' }] } };
    },
    scope: [
      {
        as: 'staff',
        inside: async (w) => {
          const r = await scratchRecord(w, 'staff');
          return { url: `/api/inspection-records/${r.id}/results`, body: { results: [{ itemId: r.results[0].itemId, result: 'pass' }] } };
        },
        outside: async (w) => {
          const r = await scratchRecord(w, 'orgOfficer');
          return { url: `/api/inspection-records/${r.id}/results`, body: { results: [{ itemId: r.results[0].itemId, result: 'pass' }] } };
        },
        denied: 403,
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/inspection-records/:id/findings',
    allow: [...recorders],
    request: async (w, as) => ({ url: `/api/inspection-records/${(await scratchRecord(w, recorderFor(w, as))).id}/findings`, body: { description: '陪餐人数超过规定标准' } }),
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/inspection-records/${(await scratchRecord(w, 'staff')).id}/findings`, body: { description: '会议记录缺页' } }),
        outside: async (w) => ({ url: `/api/inspection-records/${(await scratchRecord(w, 'orgOfficer')).id}/findings`, body: { description: '会议记录缺页' } }),
        denied: 403,
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/inspection-records/:id/findings/:findingId/rectification',
    allow: [...managers],
    request: async (w) => {
      const { record, findingId } = await withFinding(w);
      return { url: `/api/inspection-records/${record.id}/findings/${findingId}/rectification`, body: { title: '规范公务接待审批', ownerId: personOf(w, 'unitOfficer'), days: 15, measure: '补齐公函并建立接待审批台账' } };
    },
  },
  { method: 'GET', route: '/api/inspection-draws', allow: [...readers], request: () => ({ url: '/api/inspection-draws' }) },
  { method: 'GET', route: '/api/inspection-draws/:id', allow: [...readers], request: async (w) => ({ url: `/api/inspection-draws/${(await declaredDraw(w)).id}` }) },
  {
    method: 'POST',
    route: '/api/inspection-draws',
    allow: [...managers],
    ok: 201,
    request: (w) => ({
      url: '/api/inspection-draws',
      body: { purpose: '季度双随机抽查', orgIds: [w.orgs.branch2, w.orgs.office, w.orgs.unitASection], inspectorIds: [personOf(w, 'staff'), personOf(w, 'unitOfficer')], targetCount: 1, inspectorsPerTarget: 1 },
    }),
  },
  {
    method: 'POST',
    route: '/api/inspection-draws/verify',
    allow: [...readers],
    request: async (w) => {
      const d = await drawnDraw(w);
      return { url: '/api/inspection-draws/verify', body: { pool: d.pool, seed: d.seed, publicEntropy: d.publicEntropy, commitment: d.commitment, selection: d.selection } };
    },
  },
  {
    method: 'POST',
    route: '/api/inspection-draws/:id/draw',
    allow: [...managers],
    request: async (w) => ({ url: `/api/inspection-draws/${(await declaredDraw(w)).id}/draw`, body: { publicEntropy: '2026-03-02 lottery 07 19 23' } }),
  },
];
