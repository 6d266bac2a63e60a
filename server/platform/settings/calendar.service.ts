import type { Static } from 'typebox';
import type { CalendarDay, CalendarOverride, PutCalendarOverride } from '../../../contracts/system.js';
import type { Ctx } from '../context.js';
import { writeAudit } from '../audit/audit.js';
import { daysOfYear, nationalHolidayName, WorkCalendar } from '../clock/calendar.js';
import { nowIso } from '../clock/clock.js';
import { forgetCalendar } from '../clock/load-calendar.js';
import { transact } from '../db/transact.js';
import { notFound } from '../http/errors.js';
import type { Locale } from '../i18n/i18n.js';
import * as repo from './calendar.repo.js';

type Day = Static<typeof CalendarDay>;
type Override = Static<typeof CalendarOverride>;

function presentOverride(r: repo.OverrideRow): Override {
  return { date: r.date, kind: r.kind, note: r.note, updatedAt: r.updated_at };
}

/** Read fresh rather than through loadCalendar's cache: an administrator checks the change they just made. */
export async function calendarYear(ctx: Ctx, year: number, locale: Locale): Promise<Day[]> {
  const overrides = await repo.listOverrides(ctx.deps.db, ctx.tenantId);
  const notes = new Map(overrides.map((o) => [o.date, o.note]));
  const cal = new WorkCalendar(overrides);
  return daysOfYear(year).map((date) => {
    const source = cal.sourceOf(date);
    const national = nationalHolidayName(date);
    const note = source === 'override' ? notes.get(date)! : national ? (locale === 'en-US' ? national.en : national.zh) : '';
    return { date, working: cal.isWorkingDay(date), source, note };
  });
}

export async function listCalendarOverrides(ctx: Ctx): Promise<Override[]> {
  return (await repo.listOverrides(ctx.deps.db, ctx.tenantId)).map(presentOverride);
}

export async function putCalendarOverride(ctx: Ctx, date: string, input: Static<typeof PutCalendarOverride>): Promise<Override> {
  const row: repo.OverrideRow = { tenant_id: ctx.tenantId, date, kind: input.kind, note: input.note, updated_at: nowIso(ctx.deps.clock) };
  const result = await transact(ctx, async (tx) => {
    const before = await repo.findOverride(tx, ctx.tenantId, date);
    await repo.upsertOverride(tx, row);
    await writeAudit(tx, ctx, { action: 'calendar_override.put', objectType: 'calendar_override', objectId: date, details: { kind: row.kind, before: before?.kind ?? null } });
    return presentOverride(row);
  });
  forgetCalendar(ctx.tenantId);
  return result;
}

export async function deleteCalendarOverride(ctx: Ctx, date: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const before = await repo.findOverride(tx, ctx.tenantId, date);
    if (!before) throw notFound('calendar_override');
    await repo.deleteOverrideRow(tx, ctx.tenantId, date);
    await writeAudit(tx, ctx, { action: 'calendar_override.delete', objectType: 'calendar_override', objectId: date, details: { kind: before.kind } });
  });
  forgetCalendar(ctx.tenantId);
}
