import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../platform/storage/attachments.cases.js';
import { createWorld, type World } from '../../test/world.js';
import { awaitingVerification, closedItem, scratchItem, withExtensionRequest } from './rectification.fixtures.js';
import { multipartWorkbook } from './rectification.test-sheets.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const get = async (id: string) => (await w.as('discipline').get(`/api/rectification/${id}`)).json();

describe('the rectification life cycle', () => {
  it('runs 待整改 → 整改中 → 待验证 → 已销号 with a timeline and evidence per measure', async () => {
    const { id, measureId, code } = await scratchItem(w, 'staff');
    expect(code).toMatch(/^ZG-2026-\d{4}$/);
    const c = w.as('staff');
    expect((await c.post(`/api/rectification/${id}/start`, { note: '召开支委会研究' })).json().status).toBe('in_progress');
    const refused = await c.post(`/api/rectification/${id}/submit`, {});
    expect(refused.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'measures_incomplete' } });
    await c.patch(`/api/rectification/${id}/measures/${measureId}`, { status: 'done', note: '已补全' });
    expect((await c.post(`/api/rectification/${id}/submit`, {})).json().error.params.state).toBe('measures_incomplete');
    const withEvidence = await c.post(`/api/rectification/${id}/measures/${measureId}/evidence`, { attachmentIds: [await draftOf(w, 'staff')], note: '会议记录' });
    expect(withEvidence.json().measures[0].evidence).toHaveLength(1);
    expect((await c.post(`/api/rectification/${id}/submit`, { note: '请验证' })).json().status).toBe('awaiting_verification');
    const closed = (await w.as('secretary').post(`/api/rectification/${id}/verify`, { pass: true, note: '经核查整改到位' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'started', 'measure_done', 'evidence_added', 'submitted', 'closed']);
    const evidence = closed.measures[0].evidence[0];
    expect((await c.get(`/api/attachments/${evidence.attachmentId}`)).statusCode).toBe(200);
    expect((await w.as('unitOfficer').get(`/api/attachments/${evidence.attachmentId}`)).statusCode).toBe(404);
  });

  it('returns a submitted item with the verifier\'s reasons', async () => {
    const id = await awaitingVerification(w);
    expect((await w.as('discipline').post(`/api/rectification/${id}/verify`, { pass: false })).json().error.code).toBe('VALIDATION_FAILED');
    const back = (await w.as('discipline').post(`/api/rectification/${id}/verify`, { pass: false, note: '佐证材料不足' })).json();
    expect(back.status).toBe('in_progress');
    expect(back.timeline.at(-1)).toMatchObject({ kind: 'returned', note: '佐证材料不足' });
  });
});

describe('nobody signs off their own work', () => {
  it('refuses verification by the item\'s owner, even one who holds the verify permission', async () => {
    const id = await awaitingVerification(w, 'discipline');
    const own = await w.as('discipline').post(`/api/rectification/${id}/verify`, { pass: true });
    expect(own.statusCode).toBe(403);
    expect((await get(id)).status).toBe('awaiting_verification');
    expect((await w.as('secretary').post(`/api/rectification/${id}/verify`, { pass: true })).json().status).toBe('closed');
  });

  it('refuses verification by the owner of one of its measures', async () => {
    const ownerId = w.users.staff.personId!;
    const created = await w.as('discipline').post('/api/rectification', {
      sourceType: 'patrol_audit', title: '巡察反馈问题', problem: '财务报销审核不严', orgId: w.orgs.branch1, ownerId, days: 15,
      measures: [{ description: '修订报销制度', ownerId }, { description: '书记签字把关', ownerId: w.users.secretary.personId }],
    });
    const item = created.json();
    const c = w.as('staff');
    const s = w.as('secretary');
    for (const [m, who] of [[item.measures[0], 'staff'], [item.measures[1], 'secretary']] as const) {
      const client = who === 'staff' ? c : s;
      await client.patch(`/api/rectification/${item.id}/measures/${m.id}`, { status: 'done' });
      await client.post(`/api/rectification/${item.id}/measures/${m.id}/evidence`, { attachmentIds: [await draftOf(w, who)] });
    }
    expect((await c.post(`/api/rectification/${item.id}/submit`, {})).statusCode).toBe(200);
    expect((await s.post(`/api/rectification/${item.id}/verify`, { pass: true })).statusCode).toBe(403);
    expect((await s.get(`/api/rectification/${item.id}`)).json().actions).not.toContain('verify');
    expect((await w.as('discipline').get(`/api/rectification/${item.id}`)).json().actions).toContain('verify');
  });

  it('refuses approving one\'s own extension request', async () => {
    const { id, extensionId } = await withExtensionRequest(w, 'discipline');
    expect((await w.as('discipline').post(`/api/rectification/${id}/extensions/${extensionId}/decision`, { approve: true })).statusCode).toBe(403);
  });
});

describe('extensions and follow-up (回头看)', () => {
  it('moves the due date by working days across the Labour Day holiday, keeps the history and caps the count', async () => {
    const before = w.clock.now();
    w.clock.set('2026-04-28T09:00:00+08:00');
    try {
      const { id } = await scratchItem(w, 'staff');
      const item = await get(id);
      // 04-28 + 10 working days: 04-29, 04-30, (05-01..05-05 holiday), 05-06, 05-07, 05-08, 05-09 (make-up Sat), 05-11, 05-12, 05-13, 05-14.
      expect(item.dueDate).toBe('2026-05-14');
      const x = (await w.as('staff').post(`/api/rectification/${id}/extensions`, { days: 3, reason: '需财务审计配合' })).json();
      const approved = (await w.as('secretary').post(`/api/rectification/${id}/extensions/${x.extensionList[0].id}/decision`, { approve: true, note: '同意' })).json();
      // + 3 working days: 05-15, 05-18, 05-19.
      expect(approved.dueDate).toBe('2026-05-19');
      expect(approved.extensionList[0]).toMatchObject({ days: 3, status: 'approved', decidedBy: 'secretary' });
      const x2 = (await w.as('staff').post(`/api/rectification/${id}/extensions`, { days: 2, reason: '再次延期' })).json();
      await w.as('secretary').post(`/api/rectification/${id}/extensions/${x2.extensionList[1].id}/decision`, { approve: false, note: '理由不充分' });
      const x3 = (await w.as('staff').post(`/api/rectification/${id}/extensions`, { days: 2, reason: '第三次申请' })).json();
      await w.as('discipline').post(`/api/rectification/${id}/extensions/${x3.extensionList[2].id}/decision`, { approve: true });
      const limited = await w.as('staff').post(`/api/rectification/${id}/extensions`, { days: 1, reason: '第四次' });
      expect(limited.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'extension_limit', max: 2 } });
      const final = await get(id);
      expect(final.extensions).toBe(2);
      expect(final.extensionList.map((e: { status: string }) => e.status)).toEqual(['approved', 'rejected', 'approved']);
    } finally {
      w.clock.set(before);
    }
  });

  it('reopens a closed item with a new deadline and reopens its measures', async () => {
    const id = await closedItem(w);
    expect((await w.as('staff').post(`/api/rectification/${id}/reopen`, { note: '自查', days: 5 })).statusCode).toBe(403);
    const reopened = (await w.as('secretary').post(`/api/rectification/${id}/reopen`, { note: '回头看发现问题反弹', days: 10 })).json();
    expect(reopened).toMatchObject({ status: 'in_progress', reopens: 1, closedAt: null });
    expect(reopened.measures.every((m: { status: string }) => m.status === 'open')).toBe(true);
    expect(reopened.timeline.at(-1)).toMatchObject({ kind: 'reopened', note: '回头看发现问题反弹' });
    const notes = await w.as('staff').get('/api/notifications');
    expect(notes.json().items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['rectification.assigned', 'rectification.reopened']));
  });
});

describe('ledger and summary', () => {
  it('shows owners their own items only and scoped readers their subtree', async () => {
    const mine = await scratchItem(w, 'staff', 'office');
    const other = await scratchItem(w, 'discipline', 'branch2');
    const staffSees = (await w.as('staff').get('/api/rectification?pageSize=200')).json().items.map((i: { id: string }) => i.id);
    expect(staffSees).toContain(mine.id);
    expect(staffSees).not.toContain(other.id);
    const branch = (await w.as('branchSecretary').get('/api/rectification?pageSize=200')).json().items;
    expect(branch.every((i: { org: { id: string }; owner: { id: string } }) => i.org.id === w.orgs.branch1 || i.owner.id === w.users.branchSecretary.personId)).toBe(true);
    expect((await w.as('branchSecretary').get(`/api/rectification/${other.id}`)).statusCode).toBe(404);
  });

  it('colours items and filters overdue ones; the summary computes 整改完成率', async () => {
    const before = w.clock.now();
    const { id } = await scratchItem(w, 'staff', 'branch2');
    try {
      w.clock.advanceDays(20);
      const overdue = (await w.as('discipline').get(`/api/rectification?overdue=true&orgId=${w.orgs.branch2}&pageSize=200`)).json().items;
      expect(overdue.find((i: { id: string }) => i.id === id)).toMatchObject({ overdue: true, sla: 'red' });
      const summary = (await w.as('discipline').get(`/api/rectification/summary?orgId=${w.orgs.branch2}`)).json();
      const row = summary.items.find((r: { orgId: string }) => r.orgId === w.orgs.branch2);
      expect(row.overdue).toBeGreaterThanOrEqual(1);
      expect(row.completionRate).toBeCloseTo(row.closed / row.total);
    } finally {
      w.clock.set(before);
    }
  });

  it('exports the ledger as a workbook', async () => {
    const res = await w.as('discipline').get('/api/rectification/export.xlsx?lang=zh-CN');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('rectification-ledger.xlsx');
  });
});

describe('problem-list import', () => {
  const headerRow = ['问题标题', '问题描述', '整改措施', '责任单位', '责任人', '整改时限（工作日或日期）', '问题来源', '来源说明'];
  const good = (n: number) => [`巡察反馈问题${n}`, `第${n}项问题的具体表现`, `第${n}项整改措施`, '第一党支部', 'staff同志', '20', '巡察/审计反馈', '2026年第一轮巡察'];

  it('stores nothing from a 40-row list with 3 bad rows and reports exactly those rows', async () => {
    const rows: (string | number)[][] = [headerRow];
    for (let n = 1; n <= 40; n += 1) rows.push(good(n));
    rows[8] = [...good(8).slice(0, 3), '不存在的单位', ...good(8).slice(4)];
    rows[21] = [`问题\u200b21`, ...good(21).slice(1)];
    rows[33] = [...good(33).slice(0, 5), '999', ...good(33).slice(6)];
    const before = (await w.as('discipline').get('/api/rectification?pageSize=1')).json().total;
    const res = await w.as('discipline').inject({ method: 'POST', url: '/api/rectification/import', ...(await multipartWorkbook(rows)) });
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report).toMatchObject({ ok: false, created: 0 });
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([9, 22, 34]);
    expect(report.errors.map((e: { column: string }) => e.column)).toEqual(['org', 'title', 'deadline']);
    expect((await w.as('discipline').get('/api/rectification?pageSize=1')).json().total).toBe(before);
  });

  it('creates every item of a good list in one go, numbered in order', async () => {
    const rows: (string | number)[][] = [headerRow, good(1), good(2), good(3)];
    const res = await w.as('discipline').inject({ method: 'POST', url: '/api/rectification/import', ...(await multipartWorkbook(rows)) });
    expect(res.json()).toEqual({ ok: true, created: 3, errors: [] });
    const listed = (await w.as('discipline').get('/api/rectification?q=巡察反馈问题&sourceType=patrol_audit&pageSize=50')).json().items;
    expect(listed.filter((i: { title: string }) => /^巡察反馈问题[123]$/.test(i.title))).toHaveLength(3);
  });
});
