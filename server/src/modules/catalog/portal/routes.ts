import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { bundleCard, bundleNotice, bundlesQuery, codeParam, itemCard, itemNotice, itemsQuery, noticeQuery, portalOverview } from './contract.ts';
import * as portal from './service.ts';

/**
 * The public portal's catalog (no login): browse by theme, department and life-cycle stage, and
 * each item's or bundle's one-time notice with the situation answers applied. Without `centerId`
 * the portal shows the first active county-level center.
 */
export const portalRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['portal'];
  const overviewQuery = z.strictObject({ centerId: z.uuid().optional() });

  app.get(
    '/api/portal/catalog',
    { config: { access: 'public' }, schema: { tags, summary: '门户：中心信息及按主题、部门、生命周期的目录概况', querystring: overviewQuery, response: { 200: portalOverview } } },
    async (request) => portal.getOverview(db, await portal.resolvePortalCenter(db, request.query.centerId)),
  );
  app.get(
    '/api/portal/items',
    { config: { access: 'public' }, schema: { tags, summary: '门户：已发布的事项（可按主题、部门筛选）', querystring: itemsQuery, response: { 200: z.array(itemCard) } } },
    async (request) => portal.listItemCards(db, await portal.resolvePortalCenter(db, request.query.centerId), request.query),
  );
  app.get(
    '/api/portal/bundles',
    { config: { access: 'public' }, schema: { tags, summary: '门户：已发布的一件事（可按生命周期阶段筛选）', querystring: bundlesQuery, response: { 200: z.array(bundleCard) } } },
    async (request) => portal.listBundleCards(db, await portal.resolvePortalCenter(db, request.query.centerId), request.query),
  );
  app.get(
    '/api/portal/items/:code',
    { config: { access: 'public' }, schema: { tags, summary: '门户：事项的一次性告知单（按情形回答生成材料清单）', params: codeParam, querystring: noticeQuery, response: { 200: itemNotice } } },
    async (request) => portal.getItemNotice(db, await portal.resolvePortalCenter(db, request.query.centerId), request.params.code, request.query.answers),
  );
  app.get(
    '/api/portal/bundles/:code',
    { config: { access: 'public' }, schema: { tags, summary: '门户：一件事的合并告知单', params: codeParam, querystring: noticeQuery, response: { 200: bundleNotice } } },
    async (request) => portal.getBundleNotice(db, await portal.resolvePortalCenter(db, request.query.centerId), request.params.code, request.query.answers),
  );
};
