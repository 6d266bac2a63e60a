import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyPlanTasks, DutyTaskSummary } from '../../../contracts/duty-tasks.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { CSRF_HEADER } from '../../platform/http/route-config.js';
import { multipart } from '../../platform/storage/test-files.js';
import { DEMO_PASSWORD } from '../../seed/demo-plan.js';
import { seedDemo } from '../../seed/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { FIXTURE, breakdownRows } from './fixtures/make-breakdown.js';

/**
 * The committed 任务分解表 against the demo directory it names: import, export, import again gives the same
 * tasks; a sheet with bad rows stores nothing and names every bad cell.
 */
let tdb: TestDatabase;
let app: FastifyInstance;
let cookie: string;
let tenantId: string;
let bureauId: string;

const send = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { [CSRF_HEADER]: '1', ...headers }, cookies: { [SESSION_COOKIE]: cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

const upload = (data: Buffer) => multipart([{ field: 'file', filename: '重点任务分解表.xlsx', data }]);

async function newPlan(title: string): Promise<string> {
  const res = await send('POST', '/api/duty-plans', { year: 2026, title, orgId: bureauId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function importInto(planId: string, data: Buffer) {
  const { payload, headers } = upload(data);
  return send('POST', `/api/duty-plans/${planId}/import`, payload, headers);
}

async function tasksOf(planId: string): Promise<DutyTaskSummary[]> {
  return ((await send('GET', `/api/duty-plans/${planId}/tasks`)).json() as DutyPlanTasks).items;
}

/** What a task is, apart from the ids and clocks of the plan it sits in. */
const shape = (tasks: DutyTaskSummary[]) => {
  const numberOf = new Map(tasks.map((t) => [t.id, t.number]));
  return tasks.map((t) => ({
    number: t.number, parent: t.parentId ? numberOf.get(t.parentId) : null, title: t.title, description: t.description, leader: t.leader?.name ?? null,
    org: t.org.name, coOrgs: t.coOrgs.map((o) => o.name).sort(), owner: t.owner?.name ?? null, deadline: t.deadline, recurrence: t.recurrence,
    evidenceForms: t.evidenceForms, weight: t.weight,
  }));
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig({ QINGFENG_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' });
  app = await buildApp({ config, clock: new FakeClock('2026-01-12T09:00:00+08:00'), database: tdb.database, env: {} });
  tenantId = (await seedDemo(app.deps, { makeDefault: true })).tenantId;
  bureauId = (await app.deps.db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { [CSRF_HEADER]: '1' }, payload: { username: 'jijian', password: DEMO_PASSWORD } });
  expect(login.statusCode, login.body).toBe(200);
  cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
}, 120_000);

afterAll(async () => {
  await app.close();
  await tdb.drop();
});

describe('the demo seed', () => {
  it('leaves this year\'s breakdown with accepted progress, a report waiting for review and one returned', async () => {
    const plans = (await send('GET', '/api/duty-plans?year=2026')).json() as { items: { id: string; taskCount: number; progress: number }[] };
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]!.taskCount).toBe(breakdownRows.length);
    expect(plans.items[0]!.progress).toBeGreaterThan(0);
    const waiting = (await send('GET', `/api/duty-tasks?planId=${plans.items[0]!.id}&awaitingMyReview=true`)).json() as { items: { number: string }[] };
    expect(waiting.items.map((t) => t.number)).toEqual(['2.1']);
  });
});

describe('任务分解表 import and export', () => {
  it('imports the committed fixture: every row a task, children under their 上级序号, recurring duties with their occurrences', async () => {
    const planId = await newPlan('2026年度全面从严治党重点任务');
    const res = await importInto(planId, await readFile(FIXTURE));
    expect(res.json(), res.body).toEqual({ ok: true, created: breakdownRows.length, errors: [] });
    const tasks = await tasksOf(planId);
    expect(tasks.map((t) => t.number)).toEqual(breakdownRows.map((r) => r[0]));
    const byNumber = new Map(tasks.map((t) => [t.number, t]));
    expect(byNumber.get('4.3.1')!.parentId).toBe(byNumber.get('4.3')!.id);
    expect(byNumber.get('4.3.1')!.depth).toBe(2);
    expect(byNumber.get('2.2')).toMatchObject({ deadline: '2026-03-31', recurrence: 'none', evidenceForms: ['report'], weight: 5 });
    expect(byNumber.get('2.2')!.coOrgs.map((o) => o.name)).toEqual(['人事股']);
    expect(byNumber.get('3.1')).toMatchObject({ recurrence: 'quarterly', deadline: '2026-12-31', evidenceForms: ['report', 'ledger'] });
    expect(byNumber.get('1.2')).toMatchObject({ deadline: '2026-06-30', recurrence: 'none' });
    expect(byNumber.get('1')!.childCount).toBe(3);
    const quarterly = (await send('GET', `/api/duty-tasks/${byNumber.get('2.3')!.id}`)).json() as { occurrences: { period: string; dueDate: string }[] };
    expect(quarterly.occurrences.map((o) => [o.period, o.dueDate])).toEqual([['2026-Q1', '2026-03-31'], ['2026-Q2', '2026-06-30'], ['2026-Q3', '2026-09-30'], ['2026-Q4', '2026-12-31']]);
  });

  it('round-trips: import → export → import gives the same tasks, in either language', async () => {
    const first = await newPlan('导入');
    expect((await importInto(first, await readFile(FIXTURE))).statusCode).toBe(200);
    for (const lang of ['zh-CN', 'en-US']) {
      const exported = await send('GET', `/api/duty-plans/${first}/export.xlsx?lang=${lang}`);
      expect(exported.statusCode).toBe(200);
      const second = await newPlan(`再导入 ${lang}`);
      const res = await importInto(second, exported.rawPayload);
      expect(res.json(), res.body).toMatchObject({ ok: true, created: breakdownRows.length });
      expect(shape(await tasksOf(second))).toEqual(shape(await tasksOf(first)));
    }
  });

  it('exports the same layout: merged title, 责任单位 over 牵头单位 and 配合单位, other headers over both rows', async () => {
    const planId = await newPlan('版式');
    await importInto(planId, await readFile(FIXTURE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await send('GET', `/api/duty-plans/${planId}/export.xlsx`)).rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:K1', 'A2:A3', 'C2:C3', 'F2:G2', 'K2:K3']));
    expect([ws.getCell('F2').text, ws.getCell('F3').text, ws.getCell('G3').text]).toEqual(['责任单位', '牵头单位', '配合单位']);
    expect(ws.getCell('A1').text).toBe('版式');
    expect([ws.getCell('A4').text, ws.getCell('C4').text]).toEqual(['1', breakdownRows[0]![2]]);
  });

  it('stores nothing when any row is wrong, and names every bad cell', async () => {
    const planId = await newPlan('错误');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(FIXTURE)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('F6').value = '不存在的单位';
    ws.getCell('I7').value = '2027-03-31';
    ws.getCell('J8').value = '视频';
    ws.getCell('B9').value = '9';
    ws.getCell('A10').value = '1.1';
    ws.getCell('F21').value = '河道巡查大队';
    const res = await importInto(planId, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 6, column: 'org', code: 'NOT_FOUND' },
      { row: 7, column: 'deadline', code: 'VALIDATION_FAILED' },
      { row: 8, column: 'evidenceForms', code: 'NOT_FOUND' },
      { row: 9, column: 'parentNumber', code: 'NOT_FOUND' },
      { row: 10, column: 'number', code: 'DUPLICATE' },
      { row: 21, column: 'org', code: 'DUTY_TASK_ORG_OUTSIDE_PARENT' },
    ]);
    expect(await tasksOf(planId)).toEqual([]);
    const stored = await app.deps.db.selectFrom('duty_task').select('id').where('plan_id', '=', planId).execute();
    expect(stored).toEqual([]);
  });
});
