import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { readDbOf } from '../../../platform/db/database.ts';
import { centerIdParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { historyFigures, historyQuery, liveFigures } from './contract.ts';
import { getHistoryFigures, getLiveFigures } from './service.ts';

/** Figures for managers: the center now, and any range of days per day, queue, counter or clerk. */
export const figuresRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { database }) => {
  const db = readDbOf(database); // a read replica when DATABASE_READ_URL is set
  const tags = ['queue'];
  app.get(
    '/api/queue/centers/:centerId/figures/live',
    { config: { access: 'queue.figures' }, schema: { tags, summary: '排队实时数据', params: centerIdParam, response: { 200: liveFigures } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return getLiveFigures(db, request.params.centerId);
    },
  );
  app.get(
    '/api/queue/centers/:centerId/figures/history',
    { config: { access: 'queue.figures' }, schema: { tags, summary: '排队历史数据（按日、队列、窗口或工作人员）', params: centerIdParam, querystring: historyQuery, response: { 200: historyFigures } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return getHistoryFigures(db, request.params.centerId, request.query);
    },
  );
};
