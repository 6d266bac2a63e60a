import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { forgetCalendar, loadCalendar } from '../clock/load-calendar.js';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

interface Day {
  date: string;
  working: boolean;
  source: string;
  note: string;
}

async function year(y: number, lang = 'zh-CN'): Promise<Map<string, Day>> {
  const res = await w.as('staff').get(`/api/calendar/${y}?lang=${lang}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().year).toBe(y);
  return new Map((res.json().days as Day[]).map((d) => [d.date, d]));
}

const auditOf = (res: { headers: Record<string, unknown> }) =>
  w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();

describe('GET /api/calendar/:year', () => {
  it('gives every signed-in user each day of the year with its working flag and source', async () => {
    const days = await year(2026);
    expect(days.size).toBe(365);
    expect(days.get('2026-02-14')).toEqual({ date: '2026-02-14', working: true, source: 'makeup', note: '春节' });
    expect(days.get('2026-02-16')).toEqual({ date: '2026-02-16', working: false, source: 'holiday', note: '春节' });
    expect(days.get('2026-10-10')).toMatchObject({ working: true, source: 'makeup', note: '国庆节' });
    expect(days.get('2026-03-02')).toEqual({ date: '2026-03-02', working: true, source: 'weekday', note: '' });
    expect(days.get('2026-03-07')).toEqual({ date: '2026-03-07', working: false, source: 'weekend', note: '' });
    // 2026 has 261 weekdays (52 weeks + Thursday 12-31); 19 of them are holidays (元旦 2, 春节 6, 清明 1, 劳动节 3,
    // 端午 1, 中秋 1, 国庆 5) and 6 weekend days are make-up workdays (01-04, 02-14, 02-28, 05-09, 09-20, 10-10).
    expect([...days.values()].filter((d) => d.working)).toHaveLength(261 - 19 + 6);
    expect((await year(2028)).size).toBe(366);
  });

  it('names holidays in English on request', async () => {
    expect((await year(2026, 'en-US')).get('2026-02-16')!.note).toBe('Spring Festival');
  });

  it('refuses years outside the supported range', async () => {
    for (const y of ['1999', '2101', 'abc', '2026.5']) expect((await w.as('staff').get(`/api/calendar/${y}`)).statusCode, y).toBe(400);
  });
});

describe('calendar overrides', () => {
  it('sets a local closure that the calendar and loadCalendar see at once, audited', async () => {
    expect((await loadCalendar(w.deps.db, w.tenantId)).isWorkingDay('2026-03-03')).toBe(true);
    const res = await w.as('sysadmin').put('/api/calendar/overrides/2026-03-03', { kind: 'holiday', note: '防汛应急' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-03-03', kind: 'holiday', note: '防汛应急' });
    expect((await year(2026)).get('2026-03-03')).toEqual({ date: '2026-03-03', working: false, source: 'override', note: '防汛应急' });
    const cal = await loadCalendar(w.deps.db, w.tenantId);
    expect(cal.isWorkingDay('2026-03-03')).toBe(false);
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-04');
    const audit = await auditOf(res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar_override.put', object_type: 'calendar_override', object_id: '2026-03-03' });
    expect(JSON.parse(audit[0]!.details)).toEqual({ kind: 'holiday', before: null });
  });

  it('replaces an override on the same date and lists them in date order', async () => {
    await w.as('sysadmin').put('/api/calendar/overrides/2026-02-16', { kind: 'workday', note: '值班' });
    const res = await w.as('sysadmin').put('/api/calendar/overrides/2026-03-03', { kind: 'workday', note: '改为上班' });
    expect(JSON.parse((await auditOf(res))[0]!.details)).toEqual({ kind: 'workday', before: 'holiday' });
    const list = await w.as('sysadmin').get('/api/calendar/overrides');
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { date: string; kind: string }[]).map((o) => [o.date, o.kind])).toEqual([
      ['2026-02-16', 'workday'],
      ['2026-03-03', 'workday'],
    ]);
    expect((await year(2026)).get('2026-02-16')).toMatchObject({ working: true, source: 'override', note: '值班' });
  });

  it('deletes an override, restoring the national day, then answers 404', async () => {
    const res = await w.as('sysadmin').delete('/api/calendar/overrides/2026-02-16');
    expect(res.statusCode).toBe(200);
    expect(await auditOf(res)).toHaveLength(1);
    expect((await year(2026)).get('2026-02-16')).toMatchObject({ working: false, source: 'holiday' });
    expect((await loadCalendar(w.deps.db, w.tenantId)).isWorkingDay('2026-02-16')).toBe(false);
    const again = await w.as('sysadmin').delete('/api/calendar/overrides/2026-02-16');
    expect(again.statusCode).toBe(404);
    expect(await auditOf(again)).toEqual([]);
  });

  it('refuses impossible dates and anyone but the system administrator', async () => {
    for (const d of ['2026-02-30', '2026-13-01', '20260301']) {
      expect((await w.as('sysadmin').put(`/api/calendar/overrides/${d}`, { kind: 'holiday', note: '错' })).statusCode, d).toBe(400);
    }
    for (const who of ['secadmin', 'auditor', 'orgOfficer', 'staff'] as const) {
      expect((await w.as(who).put('/api/calendar/overrides/2026-05-06', { kind: 'holiday', note: '越权' })).statusCode, who).toBe(403);
      expect((await w.as(who).get('/api/calendar/overrides')).statusCode, who).toBe(403);
    }
    expect(await w.deps.db.selectFrom('calendar_override').select('date').where('date', 'in', ['2026-05-06', '2026-02-30']).execute()).toEqual([]);
  });
});

describe('loadCalendar', () => {
  it('keeps the calendar briefly and drops it when told', async () => {
    // The integration suite runs without caches; this test is about the cache, so it turns it on.
    const ttl = process.env.QINGFENG_CACHE_TTL_MS;
    process.env.QINGFENG_CACHE_TTL_MS = '5000';
    onTestFinished(() => {
      process.env.QINGFENG_CACHE_TTL_MS = ttl;
    });
    forgetCalendar(w.tenantId);
    const before = await loadCalendar(w.deps.db, w.tenantId);
    expect(before.isWorkingDay('2026-04-08')).toBe(true);
    // Written behind the service's back, as another process would: this process still serves its cached copy.
    await w.deps.db.insertInto('calendar_override').values({ tenant_id: w.tenantId, date: '2026-04-08', kind: 'holiday', note: '外部', updated_at: '2026-03-02T09:00:00.000+08:00' }).execute();
    expect(await loadCalendar(w.deps.db, w.tenantId)).toBe(before);
    forgetCalendar(w.tenantId);
    expect((await loadCalendar(w.deps.db, w.tenantId)).isWorkingDay('2026-04-08')).toBe(false);
  });
});
