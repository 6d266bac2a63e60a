import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../contracts/audit.js';
import { systemCtx } from '../context.js';
import { cellText, readWorkbook } from '../excel/excel.js';
import { AppError } from '../http/errors.js';
import { createWorld, type World } from '../../test/world.js';
import { writeAuditAlone } from './audit.js';
import { exportAuditLog } from './audit.service.js';

let w: World;
let orgA: string;
let orgB: string;

async function tenantAuditCount(actorId?: string): Promise<number> {
  let q = w.deps.db.selectFrom('audit_log').select('seq').where('tenant_id', '=', w.tenantId);
  if (actorId) q = q.where('actor_id', '=', actorId);
  return (await q.execute()).length;
}

async function list(query: string): Promise<{ items: AuditRecord[]; total: number; page: number; pageSize: number }> {
  const res = await w.as('auditor').get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  w = await createWorld();
  // 03-02: the system administrator creates two orgs; 03-05: the org officer renames one; one failure by the system.
  orgA = (await w.as('sysadmin').post('/api/orgs', { parentId: w.orgs.office, kind: 'section', name: '审计测试甲' })).json().id;
  orgB = (await w.as('sysadmin').post('/api/orgs', { parentId: w.orgs.office, kind: 'section', name: '审计测试乙' })).json().id;
  w.clock.set('2026-03-05T10:00:00+08:00');
  expect((await w.as('orgOfficer').patch(`/api/orgs/${orgA}`, { name: '审计测试甲改' })).statusCode).toBe(200);
  await writeAuditAlone(systemCtx(w.deps, w.tenantId), { action: 'test.refused', objectType: 'test', objectId: '=HYPERLINK("http://x")', result: 'failure' });
  w.clock.set('2026-03-09T09:00:00+08:00');
  // A week later every fixture session has expired; dropping them makes the world sign everyone in afresh.
  await w.deps.db.deleteFrom('session').execute();
});
afterAll(async () => w.close());

describe('GET /api/audit', () => {
  it('lists the whole tenant log newest first, with the actor username joined', async () => {
    const page = await list('?pageSize=200');
    expect(page.total).toBe(await tenantAuditCount());
    const seqs = page.items.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const create = page.items.find((r) => r.action === 'org.create' && r.objectId === orgA)!;
    expect(create).toMatchObject({ actorKind: 'user', actorId: w.users.sysadmin.id, actorName: 'sysadmin', objectType: 'org', result: 'success' });
    expect(create.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(create.details)).toMatchObject({ parentId: w.orgs.office });
    const sys = page.items.find((r) => r.action === 'test.refused')!;
    expect(sys).toMatchObject({ actorKind: 'system', actorId: null, actorName: null, result: 'failure' });
  });

  it('filters by actor, action, object and result', async () => {
    const bySys = await list(`?actorId=${w.users.sysadmin.id}&pageSize=200`);
    expect(bySys.total).toBe(await tenantAuditCount(w.users.sysadmin.id));
    expect(bySys.items.every((r) => r.actorId === w.users.sysadmin.id)).toBe(true);
    expect(bySys.items.map((r) => r.objectId)).toEqual(expect.arrayContaining([orgA, orgB]));

    const updates = await list('?action=org.update');
    expect(updates.items.map((r) => [r.objectId, r.actorName])).toEqual([[orgA, 'orgOfficer']]);

    const one = await list(`?objectType=org&objectId=${orgA}`);
    expect(one.items.map((r) => r.action)).toEqual(['org.update', 'org.create']);

    const failures = await list('?result=failure');
    expect(failures.items.map((r) => r.action)).toEqual(['test.refused']);
  });

  it('filters by local date, both ends inclusive', async () => {
    const fifth = await list('?from=2026-03-05&to=2026-03-05');
    expect(fifth.items.map((r) => r.action).sort()).toEqual(['org.update', 'test.refused']);
    expect(fifth.items.every((r) => r.at.startsWith('2026-03-05T'))).toBe(true);
    expect((await list('?from=2026-03-03&to=2026-03-04')).total).toBe(0);
    const upToSecond = await list('?to=2026-03-02&action=org.create');
    expect(upToSecond.items.map((r) => r.objectId)).toEqual([orgB, orgA]);
    expect((await list('?from=2026-03-06')).total).toBe(0);
  });

  it('pages without gaps or overlaps', async () => {
    const all = await list('?pageSize=200');
    const p1 = await list('?pageSize=2&page=1');
    const p2 = await list('?pageSize=2&page=2');
    expect(p1.total).toBe(all.total);
    expect([...p1.items, ...p2.items].map((r) => r.seq)).toEqual(all.items.slice(0, 4).map((r) => r.seq));
    expect(p2).toMatchObject({ page: 2, pageSize: 2 });
  });

  it('refuses the other two administrators and every business role', async () => {
    for (const who of ['sysadmin', 'secadmin', 'secretary', 'discipline', 'orgOfficer', 'staff'] as const) {
      expect((await w.as(who).get('/api/audit')).statusCode, who).toBe(403);
      expect((await w.as(who).get('/api/audit/export.xlsx')).statusCode, who).toBe(403);
      expect((await w.as(who).post('/api/audit/verify', {})).statusCode, who).toBe(403);
    }
    expect((await w.as(null).get('/api/audit')).statusCode).toBe(401);
  });
});

describe('GET /api/audit/export.xlsx', () => {
  it('exports the filtered list and records the export', async () => {
    const filtered = await list(`?actorId=${w.users.sysadmin.id}&pageSize=200`);
    const res = await w.as('auditor').get(`/api/audit/export.xlsx?actorId=${w.users.sysadmin.id}&lang=en-US`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log.xlsx"/);
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    expect(ws.name).toBe('Audit log');
    expect(cellText(ws.getRow(1).getCell(1))).toBe('No.');
    expect(ws.rowCount - 1).toBe(filtered.total);
    expect(Number(cellText(ws.getRow(2).getCell(1)))).toBe(filtered.items[0]!.seq);
    expect(cellText(ws.getRow(2).getCell(3))).toBe('sysadmin');

    const recorded = await w.deps.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenantId).where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ action: 'audit.export', actor_id: w.users.auditor.id, object_type: 'audit_log', result: 'success' });
    expect(JSON.parse(recorded[0]!.details)).toEqual({ filter: { actorId: w.users.sysadmin.id }, rows: filtered.total });
  });

  it('speaks Chinese by default and escapes formula-looking cells', async () => {
    const res = await w.as('auditor').get('/api/audit/export.xlsx?result=failure');
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    expect(ws.name).toBe('审计日志');
    expect(cellText(ws.getRow(1).getCell(1))).toBe('序号');
    expect(ws.rowCount).toBe(2);
    expect(cellText(ws.getRow(2).getCell(3))).toBe('系统');
    expect(cellText(ws.getRow(2).getCell(6))).toBe(`'=HYPERLINK("http://x")`);
    expect(cellText(ws.getRow(2).getCell(7))).toBe('失败');
  });

  it('refuses an export larger than the limit instead of cutting it short', async () => {
    const before = await tenantAuditCount();
    const refused = await exportAuditLog(systemCtx(w.deps, w.tenantId), {}, 'zh-CN', 2).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', params: { reason: 'too_many_rows', max: 2 } });
    expect(await tenantAuditCount()).toBe(before);
  });
});

describe('POST /api/audit/verify', () => {
  it('verifies the chain and records one audit.verify event with the outcome', async () => {
    const count = await tenantAuditCount();
    const res = await w.as('auditor').post('/api/audit/verify', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, records: count, checkpoints: 0, brokenAt: null, reason: null });
    const ev = await w.deps.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', w.tenantId).where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ action: 'audit.verify', result: 'success', actor_id: w.users.auditor.id });
    expect(JSON.parse(ev[0]!.details)).toMatchObject({ ok: true, records: count });
    expect((await w.as('auditor').post('/api/audit/verify', {})).json().records).toBe(count + 1);
  });

  it('takes no input', async () => {
    const res = await w.as('auditor').post('/api/audit/verify', { tenantId: 'other' });
    expect(res.statusCode).toBe(400);
  });
});
