import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../platform/storage/attachments.cases.js';
import { createWorld, type World } from '../../test/world.js';
import { checklistId, personOf, scratchPlan, scratchRecord, withFinding } from './inspections.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const auditOf = (res: { headers: Record<string, unknown> }) =>
  w.deps.db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'details']).where('request_id', '=', String(res.headers['x-request-id'])).execute();

describe('inspection plans', () => {
  it('lists with search, kind, status and org filters, and shows targets, inspectors and counts', async () => {
    const special = await w.as('discipline').post('/api/inspection-plans', {
      title: '闸站明察暗访', kind: 'unannounced_visit', subject: '节日期间公车使用情况', checklistId: await checklistId(w, 'eight_rules'),
      periodStart: '2026-04-01', periodEnd: '2026-04-07', targetOrgIds: [w.orgs.unitASection], inspectorIds: [personOf(w, 'orgOfficer')],
    });
    expect(special.statusCode, special.body).toBe(201);
    const plan = special.json();
    expect(plan).toMatchObject({ kind: 'unannounced_visit', status: 'draft', drawId: null, records: 0, findings: 0, targets: [{ id: w.orgs.unitASection, name: '运行股' }], inspectors: [{ id: personOf(w, 'orgOfficer') }] });
    await scratchPlan(w, { targets: ['branch2'] });

    const ids = async (query: string) => (await w.as('secretary').get(`/api/inspection-plans?${query}`)).json().items.map((p: { id: string }) => p.id);
    expect(await ids('q=明察')).toEqual([plan.id]);
    expect(await ids('kind=unannounced_visit')).toEqual([plan.id]);
    expect(await ids(`orgId=${w.orgs.unitA}&kind=unannounced_visit`)).toEqual([plan.id]);
    expect(await ids(`orgId=${w.orgs.generalBranch}`)).not.toContain(plan.id);
    expect(await ids('status=active')).not.toContain(plan.id);

    const rec = await w.as('orgOfficer').post(`/api/inspection-plans/${plan.id}/records`, { orgId: w.orgs.unitASection, inspectedOn: '2026-04-02', inspectorIds: [personOf(w, 'orgOfficer')] });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().unannounced).toBe(true);
    await w.as('orgOfficer').post(`/api/inspection-records/${rec.json().id}/findings`, { description: '节日期间公车未封存' });
    const detail = (await w.as('discipline').get(`/api/inspection-plans/${plan.id}`)).json();
    expect(detail).toMatchObject({ records: 1, findings: 1 });
    const page = (await w.as('discipline').get('/api/inspection-plans?page=1&pageSize=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('shows an inspector without inspection rights only the plans they are sent on', async () => {
    const mine = await scratchPlan(w, { inspectors: ['staff'] });
    const other = await scratchPlan(w);
    const listed = (await w.as('staff').get('/api/inspection-plans?pageSize=200')).json().items.map((p: { id: string }) => p.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(other.id);
    expect((await w.as('staff').get(`/api/inspection-plans/${other.id}`)).statusCode).toBe(404);
    expect((await w.as('sysadmin').get('/api/inspection-plans')).json().items).toEqual([]);
  });

  it('checks the period and refuses unknown references', async () => {
    const base = { title: '检查', kind: 'routine', subject: '检查', checklistId: await checklistId(w), periodStart: '2026-03-10', periodEnd: '2026-03-01' };
    const backwards = await w.as('discipline').post('/api/inspection-plans', base);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.params.field).toBe('periodEnd');
    const ghost = await w.as('discipline').post('/api/inspection-plans', { ...base, periodEnd: '2026-03-31', inspectorIds: [w.orgs.office] });
    expect(ghost.statusCode).toBe(404);
  });
});

describe('inspection records', () => {
  it('are made at the plan targets only, by conduct holders or named inspectors', async () => {
    const plan = await scratchPlan(w, { inspectors: ['staff'], targets: ['unitA'] });
    const body = { orgId: w.orgs.office, inspectedOn: '2026-03-02', inspectorIds: [personOf(w, 'staff')] };
    const elsewhere = await w.as('staff').post(`/api/inspection-plans/${plan.id}/records`, body);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.params.reason).toBe('not_a_target');
    expect((await w.as('branchSecretary').post(`/api/inspection-plans/${plan.id}/records`, { ...body, orgId: w.orgs.unitA })).statusCode).toBe(403);
    const res = await w.as('staff').post(`/api/inspection-plans/${plan.id}/records`, { ...body, orgId: w.orgs.unitA });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', unannounced: false, actions: ['record', 'add_finding'] });
    expect(res.json().results.every((r: { result: null }) => r.result === null)).toBe(true);
  });

  it('save answers with photo evidence, submit only when complete, and are read-only afterwards', async () => {
    const rec = await scratchRecord(w, 'staff', 'unitA', { checklist: await checklistId(w, 'three_major') });
    const photo = await draftOf(w, 'staff');
    const [first, ...rest] = rec.results.map((r: { itemId: string }) => r.itemId);
    const url = `/api/inspection-records/${rec.id}/results`;
    const saved = await w.as('staff').put(url, { summary: '抽查两次班子会议记录', results: [{ itemId: first, result: 'fail', note: '一把手先表态', photoIds: [photo] }] });
    expect(saved.statusCode, saved.body).toBe(200);
    await expect(auditOf(saved)).resolves.toEqual([expect.objectContaining({ action: 'inspection_record.save_results', object_id: rec.id })]);
    const line = saved.json().results.find((r: { itemId: string }) => r.itemId === first);
    expect(line).toMatchObject({ result: 'fail', note: '一把手先表态', photos: [{ id: photo, mime: 'image/png' }] });

    expect((await w.as('discipline').get(`/api/attachments/${photo}`)).statusCode).toBe(200);
    expect((await w.as('staff').get(`/api/attachments/${photo}`)).statusCode).toBe(200);
    expect((await w.as('orgOfficer').get(`/api/attachments/${photo}`)).statusCode).toBe(404);
    const stolen = await draftOf(w, 'orgOfficer');
    expect((await w.as('staff').put(url, { results: [{ itemId: first, result: 'fail', photoIds: [stolen] }] })).statusCode).toBe(404);

    const early = await w.as('staff').put(url, { results: [], submit: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.params).toMatchObject({ reason: 'results_incomplete', missing: rest.length });
    const done = await w.as('staff').put(url, { results: rest.map((itemId: string) => ({ itemId, result: 'pass' })), submit: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', summary: '抽查两次班子会议记录', actions: [] });
    expect(done.json().results.find((r: { itemId: string }) => r.itemId === first).result).toBe('fail');

    expect((await w.as('staff').put(url, { results: [{ itemId: first, result: 'pass' }] })).statusCode).toBe(409);
    expect((await w.as('staff').post(`/api/inspection-records/${rec.id}/findings`, { description: '补记问题' })).statusCode).toBe(409);
    const summaries = (await w.as('discipline').get(`/api/inspection-plans/${rec.planId}/records`)).json().items;
    expect(summaries).toEqual([expect.objectContaining({ id: rec.id, status: 'submitted', counts: { pass: rest.length, fail: 1, na: 0, findings: 0 } })]);
  });
});

describe('turning a finding into a rectification item', () => {
  it('creates the shared item in one action with one audit event, links it both ways and shows its live status', async () => {
    const { record, findingId } = await withFinding(w, 'staff');
    const url = `/api/inspection-records/${record.id}/findings/${findingId}/rectification`;
    const body = { title: '规范公务接待审批', ownerId: personOf(w, 'staff'), days: 15, measure: '补齐公函并建立接待审批台账' };
    const res = await w.as('discipline').post(url, body);
    expect(res.statusCode, res.body).toBe(200);
    const finding = res.json().findings.find((f: { id: string }) => f.id === findingId);
    expect(finding).toMatchObject({ rectificationStatus: 'pending', rectificationOverdue: false });
    expect(finding.rectificationCode).toMatch(/^ZG-2026-\d{4}$/);

    const audit = await auditOf(res);
    expect(audit).toEqual([expect.objectContaining({ action: 'inspection_finding.rectify', object_type: 'inspection_finding', object_id: findingId })]);
    const item = (await w.as('discipline').get(`/api/rectification/${finding.rectificationId}`)).json();
    expect(item).toMatchObject({
      code: finding.rectificationCode, sourceType: 'inspection_finding', sourceId: findingId, sourceLabel: (await w.as('discipline').get(`/api/inspection-plans/${record.planId}`)).json().title,
      org: { id: w.orgs.unitA }, owner: { id: personOf(w, 'staff') }, problem: '公务接待缺少派出单位公函', title: '规范公务接待审批',
    });
    expect(item.measures).toEqual([expect.objectContaining({ description: '补齐公函并建立接待审批台账', owner: expect.objectContaining({ id: personOf(w, 'staff') }) })]);

    const again = await w.as('discipline').post(url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.params.reason).toBe('already_rectified');
    const items = await w.deps.db.selectFrom('rectification_item').select('id').where('tenant_id', '=', w.tenantId).where('source_id', '=', findingId).execute();
    expect(items).toHaveLength(1);

    expect((await w.as('staff').post(`/api/rectification/${item.id}/start`, { note: '已着手' })).statusCode).toBe(200);
    const now = (await w.as('staff').get(`/api/inspection-records/${record.id}`)).json();
    expect(now.findings.find((f: { id: string }) => f.id === findingId).rectificationStatus).toBe('in_progress');
  });

  it('leaves nothing behind when the owner does not exist, and is refused to those who may not issue rectification', async () => {
    const { record, findingId } = await withFinding(w);
    const url = `/api/inspection-records/${record.id}/findings/${findingId}/rectification`;
    const ghost = await w.as('discipline').post(url, { title: '整改', ownerId: w.orgs.office, days: 5, measure: '整改' });
    expect(ghost.statusCode).toBe(404);
    expect((await w.deps.db.selectFrom('rectification_item').select('id').where('source_id', '=', findingId).execute())).toEqual([]);
    expect((await w.as('branchSecretary').post(url, { title: '整改', ownerId: personOf(w, 'staff'), days: 5, measure: '整改' })).statusCode).toBe(403);
    const other = await withFinding(w);
    expect((await w.as('discipline').post(`/api/inspection-records/${record.id}/findings/${other.findingId}/rectification`, { title: '整改', ownerId: personOf(w, 'staff'), days: 5, measure: '整改' })).statusCode).toBe(404);
  });
});
