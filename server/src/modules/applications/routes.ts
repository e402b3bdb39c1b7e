import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { readDbOf } from '../../platform/db/database.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import { personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { applicationDetail, applicationListQuery, applicationPage, figuresDto, figuresQuery, materialParams, noticeParams, progressDto, progressQuery } from './contract.ts';
import { deliveryRoutes } from './delivery/routes.ts';
import { getFigures } from './figures/service.ts';
import { intakeRoutes } from './intake/routes.ts';
import { portalApplicationRoutes } from './portal-routes.ts';
import { onlineApplyingRoutes } from './intake/online/routes.ts';
import { assertStaffMayOpen, noticePdf } from './notices/service.ts';
import { sendNoticePdf } from './notices/http.ts';
import { getProgress } from './progress/service.ts';
import { reviewRoutes } from './review/routes.ts';
import { getApplicationDetail, listApplications, materialFile } from './service.ts';
import { sendFile } from '../../platform/files/http.ts';
import { RATE_LIMITS, rateLimit } from '../../platform/http/rate-limit.ts';

/** Applications (6.1.3, 6.1.4, Annex A): lists and detail, notices, progress on the portal, figures; intake, review and delivery in their folders. */
export const applicationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];

  app.get(
    '/api/applications',
    { config: { access: 'authenticated' }, schema: { tags, summary: '办件列表（本中心）', querystring: applicationListQuery, response: { 200: applicationPage } } },
    (request) => listApplications(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/applications/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: '办件详情：材料、告知书、时间线、审查任务', params: idParam, response: { 200: applicationDetail } } },
    (request) => getApplicationDetail(deps, staffOf(request), request.params.id),
  );
  app.get(
    '/api/applications/:id/notices/:noticeId/pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: '下载或打印告知书（PDF）', params: noticeParams } },
    async (request, reply) => {
      assertStaffMayOpen(await getApplicationDetail(deps, staffOf(request), request.params.id), request.params.noticeId);
      return sendNoticePdf(reply, await noticePdf(deps.db, request.params.id, request.params.noticeId));
    },
  );
  app.get(
    '/api/applications/:id/materials/:key/file',
    { config: { access: 'authenticated' }, schema: { tags, summary: '查看上传的申请材料', params: materialParams } },
    async (request, reply) => {
      const file = await materialFile(deps, staffOf(request), request.params.id, request.params.key);
      return sendFile(reply, file, { disposition: 'inline', asciiName: 'material', cacheControl: 'private, no-store' });
    },
  );

  app.get(
    '/api/portal/progress',
    { config: { access: 'public', rateLimit: rateLimit(RATE_LIMITS.portalLookup) }, schema: { tags, summary: '办件进度查询（办件编号＋受理通知书上的查询码或预留手机号码）', querystring: progressQuery, response: { 200: progressDto } } },
    (request) => getProgress(deps.db, personalDataKeys(deps.config), request.query),
  );

  app.get(
    '/api/application-figures',
    { config: { access: 'application.figures' }, schema: { tags, summary: '办件统计：按时办结率、一次性受理率、各状态与部门、超期清单', querystring: figuresQuery, response: { 200: figuresDto } } },
    (request) => getFigures(readDbOf(deps.database), staffOf(request), request.query), // a read replica when DATABASE_READ_URL is set
  );

  await app.register(intakeRoutes, deps);
  await app.register(reviewRoutes, deps);
  await app.register(deliveryRoutes, deps);
  await app.register(portalApplicationRoutes, deps);
  await app.register(onlineApplyingRoutes, deps);
};
