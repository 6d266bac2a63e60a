import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { t } from '../../platform/i18n/i18n.js';
import { openTestDatabaseAgain } from '../../test/database.js';
import { createWorld, type World } from '../../test/world.js';
import { builtinChecklists } from './checklists.builtin.js';
import { checklistId, scratchChecklist, scratchPlan } from './inspections.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const checklistRows = () => w.deps.db.selectFrom('checklist').select(['id', 'code', 'name']).where('tenant_id', '=', w.tenantId).execute();

/** Starts the server code once more on the same database, as a restart or a second process would. */
async function restart(): Promise<void> {
  const again = await openTestDatabaseAgain(w.dataDir);
  const app = await buildApp({ config: w.deps.config, clock: w.clock, database: again, env: {} });
  await app.close();
  await again.close();
}

describe('built-in checklists', () => {
  it('are seeded in Chinese when the tenant is created: 八项规定/四风, 三重一大, 三公', async () => {
    const res = await w.as('discipline').get('/api/checklists');
    expect(res.statusCode).toBe(200);
    const builtins = res.json().items.filter((c: { builtin: boolean }) => c.builtin);
    expect(builtins.map((c: { code: string }) => c.code).sort()).toEqual(['eight_rules', 'three_major', 'three_public']);
    for (const def of builtinChecklists) {
      const c = builtins.find((x: { code: string }) => x.code === def.code);
      expect(c.category).toBe(def.category);
      expect(c.name).toBe(t('zh-CN', `inspections.builtinTemplates.${def.code}.name`));
      expect(c.items.map((i: { text: string }) => i.text)).toEqual(def.items.map((k) => t('zh-CN', `inspections.builtinTemplates.${def.code}.items.${k}.text`)));
      expect(c.items.length).toBeGreaterThanOrEqual(8);
      expect(c.items.length).toBeLessThanOrEqual(12);
    }
    const eight = builtins.find((x: { code: string }) => x.code === 'eight_rules');
    expect(eight.items.map((i: { text: string }) => i.text)).toEqual(expect.arrayContaining(['公务接待是否有派出单位公函和接待清单', '陪餐人数是否超标']));
  });

  it('reach existing tenants at start, once, and never overwrite what administrators changed', async () => {
    const before = await checklistRows();
    const eight = before.find((c) => c.code === 'eight_rules')!;
    expect((await w.as('sysadmin').patch(`/api/checklists/${eight.id}`, { name: '本局八项规定精神落实情况检查' })).statusCode).toBe(200);
    const three = before.find((c) => c.code === 'three_public')!;
    await w.deps.db.deleteFrom('checklist').where('tenant_id', '=', w.tenantId).where('id', '=', three.id).execute();

    await restart();
    await restart();

    const after = await checklistRows();
    expect(after.filter((c) => c.code === 'three_public')).toHaveLength(1);
    expect(after.find((c) => c.code === 'eight_rules')).toEqual({ ...eight, name: '本局八项规定精神落实情况检查' });
    expect(after).toHaveLength(before.length);
    const items = await w.deps.db.selectFrom('checklist_item').select('id').where('tenant_id', '=', w.tenantId).where('checklist_id', '=', after.find((c) => c.code === 'three_public')!.id).execute();
    expect(items).toHaveLength(builtinChecklists.find((d) => d.code === 'three_public')!.items.length);
  });
});

describe('editing checklists', () => {
  it('retires replaced items: unchanged items keep their id and answers, recorded results keep their text', async () => {
    const c = await scratchChecklist(w, ['会议记录是否完整', '是否执行回避制度', '决策执行是否督办']);
    const [kept, replaced, moved] = c.items;
    const plan = await scratchPlan(w, { checklist: c.id, targets: ['office'] });
    const rec = (await w.as('discipline').post(`/api/inspection-plans/${plan.id}/records`, { orgId: w.orgs.office, inspectedOn: '2026-03-02', inspectorIds: [w.users.discipline.personId] })).json();
    const saved = await w.as('discipline').put(`/api/inspection-records/${rec.id}/results`, {
      results: [{ itemId: kept.id, result: 'pass' }, { itemId: replaced.id, result: 'fail', note: '两名成员未回避' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const res = await w.as('sysadmin').patch(`/api/checklists/${c.id}`, { items: [{ text: '决策执行是否督办' }, { text: '会议记录是否完整' }, { text: '是否执行回避制度', guidance: '查表决名单' }] });
    expect(res.statusCode, res.body).toBe(200);
    const now = res.json().items;
    expect(now.map((i: { text: string }) => i.text)).toEqual(['决策执行是否督办', '会议记录是否完整', '是否执行回避制度']);
    expect(now[0].id).toBe(moved.id);
    expect(now[1].id).toBe(kept.id);
    expect(now[2].id).not.toBe(replaced.id);
    expect(now.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    const stored = await w.deps.db.selectFrom('checklist_item').select(['id', 'retired', 'text']).where('tenant_id', '=', w.tenantId).where('checklist_id', '=', c.id).execute();
    expect(stored).toHaveLength(4);
    expect(stored.find((i) => i.id === replaced.id)).toEqual({ id: replaced.id, retired: 1, text: '是否执行回避制度' });

    const record = (await w.as('discipline').get(`/api/inspection-records/${rec.id}`)).json();
    const lines = record.results.map((r: { itemId: string; text: string; result: string | null; note: string }) => [r.itemId, r.text, r.result, r.note]);
    expect(lines).toEqual([
      [moved.id, '决策执行是否督办', null, ''],
      [kept.id, '会议记录是否完整', 'pass', ''],
      [now[2].id, '是否执行回避制度', null, ''],
      [replaced.id, '是否执行回避制度', 'fail', '两名成员未回避'],
    ]);
    const retiredAnswer = await w.as('discipline').put(`/api/inspection-records/${rec.id}/results`, { results: [{ itemId: replaced.id, result: 'pass' }] });
    expect(retiredAnswer.statusCode).toBe(404);
  });

  it('refuses a duplicate code and keeps a disabled checklist out of new plans', async () => {
    const c = await scratchChecklist(w);
    const dup = await w.as('discipline').post('/api/checklists', { code: c.code, name: '重复', category: 'custom', items: [{ text: '检查项' }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', params: { field: 'code' } });
    expect((await w.as('discipline').post('/api/checklists', { code: 'eight_rules', name: '重复', category: 'custom', items: [{ text: '检查项' }] })).statusCode).toBe(409);

    const off = await w.as('discipline').patch(`/api/checklists/${c.id}`, { enabled: false });
    expect(off.json().enabled).toBe(false);
    const plan = await w.as('discipline').post('/api/inspection-plans', {
      title: '停用清单的检查', kind: 'routine', subject: '检查', checklistId: c.id, periodStart: '2026-03-01', periodEnd: '2026-03-31',
    });
    expect(plan.statusCode).toBe(409);
    expect(plan.json().error.code).toBe('STATE_INVALID');
  });

  it('lets inspection readers read checklists but only checklist managers change them', async () => {
    const id = await checklistId(w, 'three_major');
    expect((await w.as('secretary').get(`/api/checklists/${id}`)).statusCode).toBe(200);
    expect((await w.as('staff').get(`/api/checklists/${id}`)).statusCode).toBe(403);
    expect((await w.as('secretary').patch(`/api/checklists/${id}`, { enabled: false })).statusCode).toBe(403);
    expect((await w.as('discipline').get(`/api/checklists/${w.orgs.office}`)).statusCode).toBe(404);
  });
});
