import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { sendNoticePdf } from '../notices/http.ts';
import { kioskNoticeParams, kioskProgressDto, kioskProgressInput } from './contract.ts';
import { kioskNoticePdf, kioskProgress } from './service.ts';

/** The self-service kiosk's look-ups (public, as the kiosk is; limited per client like the portal's). */
export const selfServiceRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const tags = ['applications'];
  const limit = rateLimit({ ...RATE_LIMITS.portalLookup, name: 'kiosk-progress' });
  app.post(
    '/api/self-service/progress',
    { config: { access: 'public', audit: 'application.kiosk_lookup', rateLimit: limit }, schema: { tags, summary: '自助终端：办件进度查询（办件编号＋查询码或预留手机号码）', body: kioskProgressInput, response: { 200: kioskProgressDto } } },
    (request) => kioskProgress(db, personalDataKeys(config), request.body),
  );
  app.post(
    '/api/self-service/notices/:noticeId/pdf',
    { config: { access: 'public', audit: 'application.kiosk_print_notice', rateLimit: limit }, schema: { tags, summary: '自助终端：打印告知书（PDF；办件编号＋查询码或预留手机号码）', params: kioskNoticeParams, body: kioskProgressInput } },
    async (request, reply) => sendNoticePdf(reply, await kioskNoticePdf(db, personalDataKeys(config), request.body, request.params.noticeId)),
  );
};
