import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '../../../contracts/common.js';
import { CalendarOverride, CalendarOverrideList, CalendarYear, CalendarYearParams, CalendarYearQuery, DateParams, PutCalendarOverride } from '../../../contracts/system.js';
import { pickLocale } from '../i18n/i18n.js';
import * as svc from './calendar.service.js';

const tags = ['system'];

/** Everyone sees the working-day calendar their deadlines run on; the system administrator maintains the overrides. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/overrides', { config: { permission: 'calendar:manage' }, schema: { tags, response: { 200: CalendarOverrideList } } }, async (req) => ({
    items: await svc.listCalendarOverrides(req.ctx),
  }));

  app.put(
    '/overrides/:date',
    { config: { permission: 'calendar:manage', audit: 'calendar_override.put' }, schema: { tags, params: DateParams, body: PutCalendarOverride, response: { 200: CalendarOverride } } },
    async (req) => svc.putCalendarOverride(req.ctx, req.params.date, req.body),
  );

  app.delete(
    '/overrides/:date',
    { config: { permission: 'calendar:manage', audit: 'calendar_override.delete' }, schema: { tags, params: DateParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteCalendarOverride(req.ctx, req.params.date);
      return { ok: true as const };
    },
  );

  app.get('/:year', { schema: { tags, params: CalendarYearParams, querystring: CalendarYearQuery, response: { 200: CalendarYear } } }, async (req) => ({
    year: req.params.year,
    days: await svc.calendarYear(req.ctx, req.params.year, pickLocale(req.query.lang)),
  }));
};
