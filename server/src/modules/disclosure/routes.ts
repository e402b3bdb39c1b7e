import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { sendFile } from '../../platform/files/http.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { rateLimit, RATE_LIMITS } from '../../platform/http/rate-limit.ts';
import { resolvePortalCenter } from '../catalog/service.ts';
import { catalogDisclosure, centerQuery, disclosureFeed, figuresQuery, monthlyFigures, resultsPage, resultsQuery, staffDisclosure, staffPhotoParams, staffPhotoQuery } from './contract.ts';
import { getFeed, toAtom } from './feed.ts';
import { getCatalogDisclosure, getDisclosedPhoto, getMonthlyFigures, getResults, getStaffDisclosure } from './service.ts';

/** Public reads: a bucket of their own per address, larger than the look-ups by code (a page makes several calls). */
const PUBLIC_READ = rateLimit(RATE_LIMITS.portalLookup, { max: async () => 120, key: (request: FastifyRequest) => `disclosure:${request.ip}` });

/** 信息公开 (A.5): the portal's and the kiosk's disclosure section and the feeds for the provincial platform. Read only, no login. */
export const disclosureRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['disclosure'];
  const config = { access: 'public' as const, rateLimit: PUBLIC_READ };
  app.get(
    '/api/public/disclosure/catalog',
    { config, schema: { tags, summary: '信息公开：服务事项目录（收费、时限、设定依据）', querystring: centerQuery, response: { 200: catalogDisclosure } } },
    async (request) => getCatalogDisclosure(db, await resolvePortalCenter(db, request.query.centerId)),
  );
  app.get(
    '/api/public/disclosure/staff',
    { config, schema: { tags, summary: '信息公开：窗口工作人员（姓名、工号、窗口、照片）', querystring: centerQuery, response: { 200: staffDisclosure } } },
    async (request) => getStaffDisclosure(db, await resolvePortalCenter(db, request.query.centerId)),
  );
  app.get(
    '/api/public/disclosure/staff/:staffId/photo',
    { config, schema: { tags, summary: '信息公开：窗口工作人员的照片', params: staffPhotoParams, querystring: staffPhotoQuery } },
    async (request, reply) => {
      const photo = await getDisclosedPhoto(db, await resolvePortalCenter(db, request.query.centerId), request.params.staffId);
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return sendFile(reply, photo, { disposition: 'inline', cacheControl: 'no-cache' });
    },
  );
  app.get(
    '/api/public/disclosure/results',
    { config, schema: { tags, summary: '信息公开：办件结果（已办结，申请人名称脱敏），可按办件编号查询', querystring: resultsQuery, response: { 200: resultsPage } } },
    async (request) => getResults(db, await resolvePortalCenter(db, request.query.centerId), request.query),
  );
  app.get(
    '/api/public/disclosure/figures',
    { config, schema: { tags, summary: '信息公开：月度数据（评价、按时办结、预约保障、诉求响应）', querystring: figuresQuery, response: { 200: monthlyFigures } } },
    async (request) => getMonthlyFigures(deps, await resolvePortalCenter(db, request.query.centerId), request.query),
  );
  app.get(
    '/api/public/disclosure/feed.json',
    { config, schema: { tags, summary: '信息公开数据（JSON，供省级平台汇聚）', querystring: centerQuery, response: { 200: disclosureFeed } } },
    async (request) => getFeed(deps, await resolvePortalCenter(db, request.query.centerId)),
  );
  app.get(
    '/api/public/disclosure/feed.atom',
    { config, schema: { tags, summary: '信息公开订阅（Atom）：办件结果和月度数据', querystring: centerQuery } },
    async (request, reply) => {
      const centerId = await resolvePortalCenter(db, request.query.centerId);
      const feed = await getFeed(deps, centerId);
      reply.type('application/atom+xml; charset=utf-8');
      return toAtom(feed, `/api/public/disclosure/feed.atom?centerId=${centerId}`);
    },
  );
};
