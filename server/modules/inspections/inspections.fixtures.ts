import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';

/** Test support: checklists, plans, records and draws built through the routes themselves. */

const tag = () => Math.random().toString(36).slice(2, 8);

async function ok<T = any>(res: { statusCode: number; body: string; json(): any }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export const personOf = (w: World, u: FixtureUser): string => {
  const id = w.users[u].personId;
  if (!id) throw new Error(`${u} has no person`);
  return id;
};

export async function checklistId(w: World, code = 'eight_rules'): Promise<string> {
  const list = await ok<{ items: { id: string; code: string }[] }>(await w.as('discipline').get('/api/checklists'), 'list checklists');
  return list.items.find((c) => c.code === code)!.id;
}

export async function scratchChecklist(w: World, items = ['会议记录是否完整', '是否执行回避制度']): Promise<any> {
  return ok(await w.as('discipline').post('/api/checklists', { code: `c_${tag()}`, name: `临时清单${tag()}`, category: 'custom', items: items.map((text) => ({ text })) }), 'create checklist');
}

export interface PlanSpec {
  inspectors?: FixtureUser[];
  targets?: FixtureOrg[];
  checklist?: string;
  kind?: 'routine' | 'random_check' | 'unannounced_visit';
}

export async function scratchPlan(w: World, spec: PlanSpec = {}): Promise<any> {
  return ok(
    await w.as('discipline').post('/api/inspection-plans', {
      title: `专项检查${tag()}`, kind: spec.kind ?? 'routine', subject: '落实中央八项规定精神情况', checklistId: spec.checklist ?? (await checklistId(w)),
      periodStart: '2026-03-01', periodEnd: '2026-03-31', targetOrgIds: (spec.targets ?? ['unitA', 'branch1']).map((o) => w.orgs[o]),
      inspectorIds: (spec.inspectors ?? []).map((u) => personOf(w, u)),
    }),
    'create plan',
  );
}

/** A draft record at `org`, with `inspector` named on the record (not on the plan). */
export async function scratchRecord(w: World, inspector: FixtureUser = 'discipline', org: FixtureOrg = 'unitA', spec: PlanSpec = {}): Promise<any> {
  const plan = await scratchPlan(w, { targets: [org], ...spec });
  return ok(
    await w.as('discipline').post(`/api/inspection-plans/${plan.id}/records`, { orgId: w.orgs[org], inspectedOn: '2026-03-02', inspectorIds: [personOf(w, inspector)] }),
    'create record',
  );
}

/** Who may record on a fresh record in the cases: `as` itself when it is a person, else discipline. */
export const recorderFor = (w: World, as: FixtureUser | null): FixtureUser => (as && w.users[as].personId ? as : 'discipline');

export async function withFinding(w: World, inspector: FixtureUser = 'discipline'): Promise<{ record: any; findingId: string }> {
  const record = await scratchRecord(w, inspector);
  const after = await ok(await w.as(inspector).post(`/api/inspection-records/${record.id}/findings`, { description: '公务接待缺少派出单位公函', itemId: record.results[0].itemId }), 'add finding');
  return { record: after, findingId: after.findings.at(-1).id };
}

export async function declaredDraw(w: World, extra: Record<string, unknown> = {}): Promise<any> {
  return ok(
    await w.as('discipline').post('/api/inspection-draws', {
      purpose: `双随机抽查${tag()}`, orgIds: (['branch1', 'branch2', 'unitA', 'unitASection', 'office'] as const).map((o) => w.orgs[o]),
      inspectorIds: (['discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'] as const).map((u) => personOf(w, u)), targetCount: 2, inspectorsPerTarget: 2, ...extra,
    }),
    'declare draw',
  );
}

export async function drawnDraw(w: World, extra: Record<string, unknown> = {}): Promise<any> {
  const d = await declaredDraw(w, extra);
  return ok(await w.as('discipline').post(`/api/inspection-draws/${d.id}/draw`, {}), 'execute draw');
}
