import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { idParam } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { resolvePortalCenter } from '../catalog/service.ts';
import { sendNoticePdf } from '../applications/notices/http.ts';
import { agencyItemList, confirmBody, ownRequestList, portalRequestInput, publicItemsQuery, withdrawBody } from './contract.ts';
import { agreementPdf } from './agreement.ts';
import { listAgencyItems } from './items.ts';
import { confirmOwn, listOwn, ownRequest, portalEnterpriseOf, withdrawOwn } from './portal.ts';
import { requestOnPortal } from './requests.ts';

/** The portal: the published high-frequency list (public), and the enterprise's own agency requests. */
export const portalAgencyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['portal'];
  const enterpriseOf = (request: FastifyRequest) => {
    const p = request.principal;
    if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
    return portalEnterpriseOf(deps.db, p);
  };

  app.get(
    '/api/portal/agency-items',
    { config: { access: 'public' }, schema: { tags, summary: '帮办代办高频服务清单（代办人员做什么，企业自己做什么）', querystring: publicItemsQuery, response: { 200: agencyItemList } } },
    async (request) => ({ items: await listAgencyItems(deps.db, await resolvePortalCenter(deps.db, request.query.centerId), true) }),
  );
  app.get('/api/portal/agency-requests', { config: { access: 'enterprise' }, schema: { tags, summary: '我的帮办代办：状态、协议、材料、结果', response: { 200: ownRequestList } } }, async (request) =>
    listOwn(deps.db, await enterpriseOf(request)),
  );
  app.post(
    '/api/portal/agency-requests',
    { config: { access: 'enterprise', audit: 'agency.portal_request' }, schema: { tags, summary: '申请帮办代办', body: portalRequestInput, response: { 201: ownRequestList } } },
    async (request, reply) => {
      const p = request.principal;
      if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
      const row = await requestOnPortal(deps, p, request.body);
      request.auditObject = { type: 'agency_request', id: row.id, detail: { number: row.number } };
      return reply.status(201).send(await listOwn(deps.db, await enterpriseOf(request)));
    },
  );
  app.get('/api/portal/agency-requests/:id/agreement', { config: { access: 'enterprise' }, schema: { tags, summary: '下载本企业的委托代办协议（PDF）', params: idParam } }, async (request, reply) =>
    sendNoticePdf(reply, await agreementPdf(deps.db, await ownRequest(deps.db, await enterpriseOf(request), request.params.id), deps.config.BANSHI_DEMO)),
  );
  app.post(
    '/api/portal/agency-requests/:id/confirm',
    { config: { access: 'enterprise', audit: 'agency.confirm' }, schema: { tags, summary: '确认代办已办结', params: idParam, body: confirmBody, response: { 200: ownRequestList } } },
    async (request) => {
      const enterprise = await enterpriseOf(request);
      request.auditObject = { type: 'agency_request', id: request.params.id };
      await confirmOwn(deps, enterprise, { id: request.params.id, ...request.body });
      return listOwn(deps.db, enterprise);
    },
  );
  app.post(
    '/api/portal/agency-requests/:id/withdraw',
    { config: { access: 'enterprise', audit: 'agency.portal_withdraw' }, schema: { tags, summary: '撤回帮办代办申请（签订协议前）', params: idParam, body: withdrawBody, response: { 200: ownRequestList } } },
    async (request) => {
      const enterprise = await enterpriseOf(request);
      request.auditObject = { type: 'agency_request', id: request.params.id };
      await withdrawOwn(deps, enterprise, { id: request.params.id, ...request.body });
      return listOwn(deps.db, enterprise);
    },
  );
};
