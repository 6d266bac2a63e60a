import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../jobs/queue.js';
import { createTenant } from '../tenancy/create-tenant.js';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
  const other = await createTenant(w.deps, { code: 'other', name: '其他单位', isDefault: false, isDemo: false });
  const at = (h: number) => `2026-03-02T${String(h).padStart(2, '0')}:00:00.000+08:00`;
  await enqueueJob(w.deps.db, w.clock, { kind: 'test.own.early', tenantId: w.tenantId, runAt: at(1) });
  await enqueueJob(w.deps.db, w.clock, { kind: 'test.own.late', tenantId: w.tenantId, runAt: at(5) });
  await enqueueJob(w.deps.db, w.clock, { kind: 'test.platform', tenantId: null, runAt: at(3) });
  await enqueueJob(w.deps.db, w.clock, { kind: 'test.foreign', tenantId: other, runAt: at(4) });
  await w.deps.db.updateTable('job').set({ status: 'failed', attempts: 3, last_error: 'smtp refused', finished_at: at(6) }).where('kind', '=', 'test.own.early').execute();
});
afterAll(async () => w.close());

interface JobItem {
  kind: string;
  status: string;
  runAt: string;
  attempts: number;
  lastError: string | null;
}

describe('GET /api/jobs', () => {
  it('lists the tenant’s jobs and the installation’s housekeeping, newest first, never another tenant’s', async () => {
    const res = await w.as('sysadmin').get('/api/jobs');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: JobItem[]; total: number };
    expect(page.items.map((j) => j.kind)).toEqual(['test.own.late', 'test.platform', 'test.own.early']);
    expect(page.total).toBe(3);
    expect(page.items[2]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'smtp refused' });
  });

  it('filters by status and pages', async () => {
    const failed = (await w.as('sysadmin').get('/api/jobs?status=failed')).json();
    expect(failed.items.map((j: JobItem) => j.kind)).toEqual(['test.own.early']);
    const p2 = (await w.as('sysadmin').get('/api/jobs?status=queued&pageSize=1&page=2')).json();
    expect(p2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(p2.items.map((j: JobItem) => j.kind)).toEqual(['test.platform']);
  });

  it('is for the system administrator only', async () => {
    for (const who of ['secadmin', 'auditor', 'secretary', 'staff'] as const) expect((await w.as(who).get('/api/jobs')).statusCode, who).toBe(403);
    expect((await w.as('sysadmin').get('/api/jobs?status=lost')).statusCode).toBe(400);
  });
});
