import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabaseAgain, testDialect } from '../../test/database.js';
import { createWorld, type World } from '../../test/world.js';
import { nowIso } from '../clock/clock.js';
import { systemCtx } from '../context.js';
import type { Database } from '../db/database.js';
import { sendDailyDigest } from './digest.js';
import { notificationFor } from './notify.cases.js';
import { notify } from './notify.service.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const auditOf = async (requestId: unknown) =>
  (await w.deps.db.selectFrom('audit_log').select(['action', 'object_id', 'details']).where('request_id', '=', String(requestId)).execute());

describe('notify', () => {
  it('writes one notification per user inside the caller transaction, and none when it rolls back', async () => {
    const ctx = systemCtx(w.deps, w.tenantId);
    const users = [w.users.secretary.id, w.users.discipline.id, w.users.secretary.id];
    const n = await w.deps.db.transaction().execute((tx) => notify(tx, ctx, { userIds: users, kind: 'task.assigned', params: { title: '报送材料', count: 2 }, link: '/tasks/1' }));
    expect(n).toBe(2);
    const mine = (await w.as('secretary').get('/api/notifications')).json();
    expect(mine.items[0]).toMatchObject({ kind: 'task.assigned', params: { title: '报送材料', count: 2 }, link: '/tasks/1', createdAt: '2026-03-02T09:00:00.000+08:00', readAt: null });

    const before = (await w.as('orgOfficer').get('/api/notifications/unread-count')).json().unread;
    await expect(
      w.deps.db.transaction().execute(async (tx) => {
        await notify(tx, ctx, { userIds: [w.users.orgOfficer.id], kind: 'task.assigned' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect((await w.as('orgOfficer').get('/api/notifications/unread-count')).json().unread).toBe(before);
  });

  it.each([
    ['a kind with spaces', { kind: 'task assigned' }],
    ['an absolute link', { kind: 'task.assigned', link: 'https://evil.example/' }],
    ['a protocol-relative link', { kind: 'task.assigned', link: '//evil.example/' }],
    ['a backslash link', { kind: 'task.assigned', link: '/\\evil.example' }],
    ['a script link', { kind: 'task.assigned', link: 'javascript:alert(1)' }],
  ])('refuses %s', async (_l, input) => {
    await expect(w.deps.db.transaction().execute((tx) => notify(tx, systemCtx(w.deps, w.tenantId), { userIds: [w.users.staff.id], ...input }))).rejects.toThrow(/invalid notification/);
  });
});

describe('routes', () => {
  it('lists only the caller own notifications, newest first, paged, with the unread count', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await notificationFor(w, 'unitOfficer'));
      w.clock.advanceMinutes(1);
    }
    const theirs = await notificationFor(w, 'branchSecretary');
    const page1 = (await w.as('unitOfficer').get('/api/notifications?pageSize=2')).json();
    expect(page1).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2 });
    expect(page1.items.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3]]);
    const page3 = (await w.as('unitOfficer').get('/api/notifications?pageSize=2&page=3')).json();
    expect(page3.items.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    const all = (await w.as('unitOfficer').get('/api/notifications?pageSize=100')).json();
    expect(all.items.map((n: { id: string }) => n.id)).not.toContain(theirs);
  });

  it('marks one as read (once, audited) and filters unread', async () => {
    const a = await notificationFor(w, 'orgOfficer');
    const b = await notificationFor(w, 'orgOfficer');
    const before = (await w.as('orgOfficer').get('/api/notifications/unread-count')).json().unread;
    w.clock.advanceMinutes(3);
    const res = await w.as('orgOfficer').post(`/api/notifications/${a}/read`);
    expect(res.statusCode, res.body).toBe(200);
    const readAt = res.json().readAt;
    expect(readAt).toBe(nowIso(w.clock));
    expect(await auditOf(res.headers['x-request-id'])).toEqual([{ action: 'notification.read', object_id: a, details: '{}' }]);
    expect((await w.as('orgOfficer').get('/api/notifications/unread-count')).json().unread).toBe(before - 1);

    w.clock.advanceMinutes(3);
    const again = await w.as('orgOfficer').post(`/api/notifications/${a}/read`);
    expect(again.json().readAt).toBe(readAt);

    const unread = (await w.as('orgOfficer').get('/api/notifications?unread=true&pageSize=100')).json();
    expect(unread.items.map((n: { id: string }) => n.id)).toContain(b);
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(a);
    expect(unread.total).toBe(unread.unread);
  });

  it('refuses to mark someone else notification, or one that does not exist', async () => {
    const theirs = await notificationFor(w, 'secretary');
    const res = await w.as('staff').post(`/api/notifications/${theirs}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const row = await w.deps.db.selectFrom('notification').select('read_at').where('id', '=', theirs).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
    expect((await w.as('staff').post('/api/notifications/01950000-0000-7000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await w.as(null).post(`/api/notifications/${theirs}/read`)).statusCode).toBe(401);
  });

  it('marks all of the caller own as read with one audit event, and nobody else', async () => {
    await notificationFor(w, 'discipline');
    await notificationFor(w, 'discipline');
    const other = await notificationFor(w, 'auditor');
    const unread = (await w.as('discipline').get('/api/notifications/unread-count')).json().unread;
    expect(unread).toBeGreaterThanOrEqual(2);
    const res = await w.as('discipline').post('/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: unread });
    const audit = await auditOf(res.headers['x-request-id']);
    expect(audit.map((a) => [a.action, JSON.parse(a.details)])).toEqual([['notification.read', { all: true, marked: unread }]]);
    expect((await w.as('discipline').get('/api/notifications/unread-count')).json().unread).toBe(0);
    expect((await w.as('auditor').get('/api/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).toContain(other);
  });

  it('refuses hostile query parameters', async () => {
    for (const q of ['page=0', 'pageSize=101', 'unread=maybe', 'userId=x', 'page=1%27']) {
      const res = await w.as('staff').get(`/api/notifications?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });
});

describe('daily digest', () => {
  it('sends one digest per person per day, counting items by kind', async () => {
    const items = [{ kind: 'task.due' }, { kind: 'task.due' }, { kind: 'complaint.overdue' }];
    expect(await sendDailyDigest(w.deps, w.tenantId, w.users.branchSecretary.id, items)).toBe(true);
    expect(await sendDailyDigest(w.deps, w.tenantId, w.users.branchSecretary.id, items)).toBe(false);
    expect(await sendDailyDigest(w.deps, w.tenantId, w.users.branchSecretary.id, [{ kind: 'task.due' }])).toBe(false);
    const digests = (await w.as('branchSecretary').get('/api/notifications?pageSize=100')).json().items.filter((n: { kind: string }) => n.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].params).toEqual({ date: '2026-03-02', count: 3, 'n.task.due': 2, 'n.complaint.overdue': 1 });
    expect(await sendDailyDigest(w.deps, w.tenantId, w.users.branchSecretary.id, [])).toBe(false);
  });

  it('starts afresh the next day, and sends nothing for an empty day', async () => {
    const start = w.clock.now();
    try {
      expect(await sendDailyDigest(w.deps, w.tenantId, w.users.secadmin.id, [])).toBe(false);
      expect(await sendDailyDigest(w.deps, w.tenantId, w.users.secadmin.id, [{ kind: 'task.due' }])).toBe(true);
      w.clock.advanceDays(1);
      expect(await sendDailyDigest(w.deps, w.tenantId, w.users.secadmin.id, [{ kind: 'task.due' }])).toBe(true);
      const rows = await w.deps.db.selectFrom('notification').select('params').where('user_id', '=', w.users.secadmin.id).where('kind', '=', 'digest').execute();
      expect(rows.map((r) => JSON.parse(r.params).date).sort()).toEqual(['2026-03-02', '2026-03-03']);
    } finally {
      w.clock.set(start);
    }
  });

  // SQLite serves one process; two connections inside one test process would only block each other.
  it('sends exactly one digest when reminder jobs in several processes race', async () => {
    const second: Database | null = testDialect === 'postgres' ? await openTestDatabaseAgain(w.deps.config.dataDir) : null;
    try {
      const other = second ? { ...w.deps, db: second.db } : w.deps;
      const results = await Promise.all([
        ...Array.from({ length: 4 }, () => sendDailyDigest(w.deps, w.tenantId, w.users.sysadmin.id, [{ kind: 'task.due' }])),
        ...Array.from({ length: 4 }, () => sendDailyDigest(other, w.tenantId, w.users.sysadmin.id, [{ kind: 'task.due' }])),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const rows = await w.deps.db.selectFrom('notification').select('id').where('user_id', '=', w.users.sysadmin.id).where('kind', '=', 'digest').execute();
      expect(rows).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });
});
