import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';
import { assigned, dispatched, inProgress, intake, rate } from './complaints.fixtures.js';
import { periodOf } from './complaints.export.js';
import { forgetSettings } from '../../platform/settings/settings.js';
import { PORTAL } from './portal/portal.fixtures.js';
import { STATS_TTL_MS } from './portal/public-reads.service.js';

/**
 * Both closed complaints are 交办 on the world's Monday 2026-03-02, so both answers are due 13 working days
 * later: 03-03 … 03-06 (4), 03-09 … 03-13 (9), 03-16 … 03-19 (13) → 03-19. One is answered on that last day
 * (按期), the other the day after (逾期).
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
  const d = w.as('discipline');
  const onTime = await inProgress(w);
  const late = await inProgress(w);

  w.clock.set('2026-03-11T09:00:00+08:00');
  await d.post(`/api/complaints/${await assigned(w, { responsible: 'branch2' })}/reject`, { reason: '不属于受理范围' });
  await dispatched(w, { responsible: 'branch2', org: 'unitA' });

  w.clock.set('2026-03-19T09:00:00+08:00');
  await d.post(`/api/complaints/${onTime}/answer`, { answer: '按期答复' });
  await rate(w, onTime, 'satisfied');
  await d.post(`/api/complaints/${onTime}/close`, {});

  w.clock.set('2026-03-20T09:00:00+08:00');
  await d.post(`/api/complaints/${late}/answer`, { answer: '逾期答复' });
  await rate(w, late, 'dissatisfied');
  await d.post(`/api/complaints/${late}/close`, {});

  w.clock.set('2026-04-01T09:00:00+08:00');
  await w.as('discipline').post('/api/complaints', { channel: 'letter', matterId: (await w.deps.db.selectFrom('complaint').select('matter_id').executeTakeFirstOrThrow()).matter_id, orgId: w.orgs.unitA, content: '四月来信', anonymous: true });
  await intake(w, { org: 'unitASection' });
});
afterAll(async () => w.close());

type Row = { key: string; total: number; answered: number; closed: number; closedOnTime: number; rated: number; satisfied: number; replyRate: number; onTimeRate: number; satisfactionRate: number };
const stats = async (query: string, as: 'discipline' | 'secretary' | 'branchSecretary' = 'discipline') => {
  const res = await w.as(as).get(`/api/complaints/stats?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; totals: Row };
};
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('complaint statistics', () => {
  it('counts 回复率, 按期办结率 and 满意率 per responsible org', async () => {
    const s = await stats('by=org');
    expect(s.totals).toMatchObject({ total: 6, answered: 3, closed: 2, closedOnTime: 1, rated: 2, satisfied: 1, replyRate: 0.5, onTimeRate: 0.5, satisfactionRate: 0.5 });
    const rows = byKey(s.rows);
    expect(rows[w.orgs.branch1]).toMatchObject({ label: '第一党支部', total: 2, answered: 2, closed: 2, closedOnTime: 1, replyRate: 1, onTimeRate: 0.5, satisfactionRate: 0.5 });
    expect(rows[w.orgs.branch2]).toMatchObject({ total: 2, answered: 1, closed: 0, replyRate: 0.5, onTimeRate: 0, satisfactionRate: 0 });
    expect(rows['']).toMatchObject({ total: 2, answered: 0 });
  });

  it('groups by month, channel, status and category, and limits to a date range', async () => {
    expect(byKey((await stats('by=month')).rows)).toMatchObject({ '2026-03': { total: 4 }, '2026-04': { total: 2 } });
    expect(byKey((await stats('by=channel')).rows)).toMatchObject({ phone: { total: 5 }, letter: { total: 1 } });
    expect(byKey((await stats('by=status')).rows)).toMatchObject({ closed: { total: 2 }, rejected: { total: 1, answered: 1 }, dispatched: { total: 1 }, submitted: { total: 2 } });
    const categories = (await stats('by=category')).rows;
    expect(categories).toHaveLength(1);
    expect(categories[0]).toMatchObject({ label: '党务', total: 6 });
    expect((await stats('by=org&from=2026-04-01')).totals.total).toBe(2);
    expect((await stats('by=org&to=2026-03-10')).totals.total).toBe(2);
  });

  it('counts only complaints in the caller\'s statistics scope', async () => {
    const roles = (await w.as('secadmin').get('/api/roles')).json();
    const leader = (roles.items ?? roles).find((r: { code: string }) => r.code === 'leader');
    const assigned = await w.as('secadmin').post('/api/assignments', { userId: w.users.unitOfficer.id, roleId: leader.id, scopeKind: 'subtree', scopeOrgId: w.orgs.unitA });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const res = await w.as('unitOfficer').get('/api/complaints/stats?by=org');
    expect(res.json().totals.total).toBe(3);
    expect((await stats('by=org', 'secretary')).totals.total).toBe(6);
  });

  it('exports the weekly and monthly summaries', async () => {
    expect(periodOf('week', '2026-03-11')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(periodOf('week', '2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(periodOf('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    const res = await w.as('secretary').get('/api/complaints/stats/export.xlsx?period=month&date=2026-03-20');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('群众诉求月报');
    const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['统计维度', '项目', '件数', '已答复', '回复率', '已办结', '按期办结', '按期办结率', '已评价', '满意及基本满意', '满意率']);
    expect(rows[1]).toEqual(['合计', '2026-03-01 ~ 2026-03-31', 4, 3, '75.0%', 2, 1, '50.0%', 2, 1, '50.0%']);
    expect(rows).toContainEqual(['责任单位', '第一党支部', 2, 2, '100.0%', 2, 1, '50.0%', 2, 1, '50.0%']);
    expect(rows).toContainEqual(['来源渠道', '电话', 4, 3, '75.0%', 2, 1, '50.0%', 2, 1, '50.0%']);
    expect(rows).toContainEqual(['状态', '不予受理', 1, 1, '100.0%', 0, 0, '0.0%', 0, 0, '0.0%']);
    const week = await w.as('discipline').get('/api/complaints/stats/export.xlsx?period=week&date=2026-04-01&lang=en-US');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(week.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getRow(2).values).toEqual([undefined, 'Total', '2026-03-30 ~ 2026-04-05', 2, 0, '0.0%', 0, 0, '0.0%', 0, 0, '0.0%']);
  });
});

describe('回复率 on the portal and for staff', () => {
  it('is the same figure for the same complaints: a reasoned 不予受理 is a reply on both', async () => {
    // Cells of one complaint are shown, so every figure can be compared.
    expect((await w.as('sysadmin').put('/api/settings/system.complaint.publicStatsMinCell', { value: 1 })).statusCode).toBe(200);
    try {
      w.clock.advance(STATS_TTL_MS);
      const shown = (await w.as(null).get(`${PORTAL}/stats`)).json() as { byCategory: { label: string; total: number; replyRate: number; satisfactionRate: number | null }[] };
      const staff = byKey((await stats('by=category')).rows);
      const round = (n: number) => Math.round(n * 1000) / 1000;
      expect(shown.byCategory).toHaveLength(1);
      const party = Object.values(staff).find((r) => (r as Row & { label: string }).label === shown.byCategory[0]!.label)!;
      // 6 complaints: two answered, one refused with a reason → 3 replies.
      expect(party).toMatchObject({ total: 6, answered: 3, replyRate: 0.5 });
      expect(shown.byCategory[0]).toMatchObject({ total: party.total, replyRate: round(party.replyRate), satisfactionRate: round(party.satisfactionRate) });
    } finally {
      await w.deps.db.deleteFrom('setting').where('tenant_id', '=', w.tenantId).where('key', '=', 'system.complaint.publicStatsMinCell').execute();
      forgetSettings(w.tenantId);
    }
  });
});
