import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { staffOf } from '../auth/plugin.ts';
import type { Db } from '../db/database.ts';
import { ok } from '../http/schemas.ts';
import {
  calendarOverride,
  dueDateQuery,
  dueDateResponse,
  monthQuery,
  monthResponse,
  overrideInput,
  overrideParams,
  workingDaysQuery,
  workingDaysResponse,
} from './contract.ts';
import * as calendar from './service.ts';

/** The working-day calendar: due dates for everyone, overrides for administrators. */
export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['calendar'];

  app.get(
    '/api/calendar/due-date',
    {
      config: { access: 'public' },
      schema: { tags, summary: '从起始日期起算若干个工作日后的到期日（起始日为第 0 天）', querystring: dueDateQuery, response: { 200: dueDateResponse } },
    },
    async (request) => ({ dueDate: await calendar.dueDate(db, request.query.from, request.query.workingDays) }),
  );

  app.get(
    '/api/calendar/working-days',
    {
      config: { access: 'public' },
      schema: { tags, summary: '两个日期之间的工作日天数（不含起始日，含结束日）', querystring: workingDaysQuery, response: { 200: workingDaysResponse } },
    },
    async (request) => ({ count: await calendar.countWorkingDays(db, request.query.from, request.query.to) }),
  );

  app.get(
    '/api/calendar/month',
    {
      config: { access: 'public' },
      schema: { tags, summary: '某月每一天的工作日安排', querystring: monthQuery, response: { 200: monthResponse } },
    },
    (request) => calendar.monthView(db, request.query.month),
  );

  app.get(
    '/api/calendar/overrides',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: '管理员对工作日安排的调整', response: { 200: z.array(calendarOverride) } },
    },
    () => calendar.listOverrides(db),
  );

  app.put(
    '/api/calendar/overrides/:date',
    {
      config: { access: 'calendar.manage', audit: 'calendar.override_set' },
      schema: { tags, summary: '将某日设为放假或上班', params: overrideParams, body: overrideInput, response: { 200: calendarOverride } },
    },
    async (request) => {
      const { date } = request.params;
      request.auditObject = { type: 'calendar_override', id: date, detail: request.body };
      return calendar.setOverride(db, date, request.body, staffOf(request).username);
    },
  );

  app.delete(
    '/api/calendar/overrides/:date',
    {
      config: { access: 'calendar.manage', audit: 'calendar.override_remove' },
      schema: { tags, summary: '撤销对某日的调整，恢复国家安排', params: overrideParams, response: { 200: ok } },
    },
    async (request) => {
      request.auditObject = { type: 'calendar_override', id: request.params.date };
      await calendar.removeOverride(db, request.params.date);
      return { ok: true as const };
    },
  );
};
