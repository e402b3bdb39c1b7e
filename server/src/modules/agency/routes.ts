import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { sendNoticePdf } from '../applications/notices/http.ts';
import {
  acceptBody,
  activityBody,
  agencyHome as agencyHomeDto,
  agencyItemInput,
  agencyItemList,
  agencyItemUpdate,
  agreementBody,
  figuresDto,
  figuresQuery,
  fileApplicationBody,
  finishBody,
  followUpBody,
  materialBody,
  materialParams,
  reasonBody,
  requestDetail,
  requestList,
  requestListQuery,
  settingsBody,
  settingsDto,
  staffRequestInput,
  versionBody,
  withdrawBody,
} from './contract.ts';
import { acceptRequest, declineRequest, fileApplication, finishRequest, followUp, receiveMaterial, recordActivity, returnMaterial, signAgreement, withdrawByStaff } from './actions.ts';
import { agreementPdf } from './agreement.ts';
import { agencyFigures, agencyHome, listRequests } from './figures.ts';
import { addAgencyItem, listAgencyItems, updateAgencyItem } from './items.ts';
import { portalAgencyRoutes } from './portal-routes.ts';
import { projectRoutes } from './projects/routes.ts';
import * as repo from './repository.ts';
import { requestByStaff } from './requests.ts';
import { getRequestDetail, requestFor } from './views.ts';

/** 6.2.1 帮办代办: the agent's requests, agreements, materials, activities and follow-ups; the high-frequency list; figures; key projects; the portal. */
export const agencyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['agency'];
  const access = 'agency.handle';
  const centerOf = (request: Parameters<typeof staffOf>[0]) => {
    const centerId = staffOf(request).centerId;
    if (!centerId) throw new AppError('FORBIDDEN', '您未被分配到服务中心');
    return centerId;
  };

  app.get('/api/agency/items', { config: { access }, schema: { tags, summary: '帮办代办高频服务清单（含停用的）', response: { 200: agencyItemList } } }, async (request) => ({
    items: await listAgencyItems(deps.db, centerOf(request), false),
  }));
  app.post(
    '/api/agency/items',
    { config: { access: 'agency.manage', audit: 'agency.item_add' }, schema: { tags, summary: '把目录中的事项列入高频服务清单', body: agencyItemInput, response: { 201: agencyItemList } } },
    async (request, reply) => {
      const id = await addAgencyItem(deps.db, staffOf(request), request.body);
      request.auditObject = { type: 'agency_item', id };
      return reply.status(201).send({ items: await listAgencyItems(deps.db, centerOf(request), false) });
    },
  );
  app.put(
    '/api/agency/items/:id',
    { config: { access: 'agency.manage', audit: 'agency.item_update' }, schema: { tags, summary: '修改清单事项的分工，或停用、启用', params: idParam, body: agencyItemUpdate, response: { 200: agencyItemList } } },
    async (request) => {
      request.auditObject = { type: 'agency_item', id: request.params.id, detail: { isActive: request.body.isActive } };
      await updateAgencyItem(deps.db, staffOf(request), request.params.id, request.body);
      return { items: await listAgencyItems(deps.db, centerOf(request), false) };
    },
  );

  app.get('/api/agency/settings', { config: { access }, schema: { tags, summary: '办结后回访的期限（工作日）', response: { 200: settingsDto } } }, async (request) => ({
    followUpDays: await repo.followUpDaysOf(deps.db, centerOf(request)),
  }));
  app.put(
    '/api/agency/settings',
    { config: { access: 'agency.manage', audit: 'agency.settings' }, schema: { tags, summary: '设置办结后回访的期限（工作日）', body: settingsBody, response: { 200: settingsDto } } },
    async (request) => {
      const centerId = centerOf(request);
      request.auditObject = { type: 'center', id: centerId, detail: request.body };
      await repo.setFollowUpDays(deps.db, centerId, request.body.followUpDays);
      return request.body;
    },
  );

  app.get('/api/agency/home', { config: { access }, schema: { tags, summary: '我的代办：今日申请、我的在办、待回访', response: { 200: agencyHomeDto } } }, (request) => agencyHome(deps.db, staffOf(request)));
  app.get('/api/agency/figures', { config: { access }, schema: { tags, summary: '帮办代办统计：申请、在办、办结、平均用时、满意度', querystring: figuresQuery, response: { 200: figuresDto } } }, (request) =>
    agencyFigures(deps.db, staffOf(request), request.query),
  );

  app.get('/api/agency/requests', { config: { access }, schema: { tags, summary: '帮办代办申请列表（本中心）', querystring: requestListQuery, response: { 200: requestList } } }, (request) =>
    listRequests(deps.db, staffOf(request), request.query),
  );
  app.post(
    '/api/agency/requests',
    { config: { access, audit: 'agency.request' }, schema: { tags, summary: '登记帮办代办申请（电话、窗口或上门走访）', body: staffRequestInput, response: { 201: requestDetail } } },
    async (request, reply) => {
      const row = await requestByStaff(deps, staffOf(request), request.body);
      request.auditObject = { type: 'agency_request', id: row.id, detail: { number: row.number, channel: row.channel } };
      return reply.status(201).send(await getRequestDetail(deps, staffOf(request), row.id));
    },
  );
  app.get('/api/agency/requests/:id', { config: { access }, schema: { tags, summary: '帮办代办申请详情：协议、材料、活动、时间线', params: idParam, response: { 200: requestDetail } } }, (request) =>
    getRequestDetail(deps, staffOf(request), request.params.id),
  );
  app.get('/api/agency/requests/:id/agreement', { config: { access }, schema: { tags, summary: '下载委托代办协议（PDF）', params: idParam } }, async (request, reply) =>
    sendNoticePdf(reply, await agreementPdf(deps.db, await requestFor(deps.db, staffOf(request), request.params.id), deps.config.BANSHI_DEMO)),
  );

  const action = <B extends z.ZodType, P extends z.ZodType = typeof idParam>(
    path: string,
    summary: string,
    audit: string,
    body: B,
    run: (staff: ReturnType<typeof staffOf>, params: z.output<P>, body: z.output<B>) => Promise<unknown>,
    params?: P,
  ) =>
    app.post(`/api/agency/requests/:id/${path}`, { config: { access, audit }, schema: { tags, summary, params: params ?? idParam, body, response: { 200: requestDetail } } }, async (request) => {
      const p = request.params as { id: string };
      request.auditObject = { type: 'agency_request', id: p.id };
      const staff = staffOf(request);
      await run(staff, request.params as z.output<P>, request.body as z.output<B>);
      return getRequestDetail(deps, staff, p.id);
    });
  action('accept', '受理（指派代办人员，默认本人）', 'agency.accept', acceptBody, (s, p, b) => acceptRequest(deps, s, { id: p.id, ...b }));
  action('decline', '不予代办（说明理由）', 'agency.decline', reasonBody, (s, p, b) => declineRequest(deps, s, { id: p.id, ...b }));
  action('withdraw', '撤回（企业来电撤回等）', 'agency.withdraw', withdrawBody, (s, p, b) => withdrawByStaff(deps, s, { id: p.id, ...b }));
  action('agreement', '签订委托代办协议（代办范围、企业授权签字）', 'agency.sign', agreementBody, (s, p, b) => signAgreement(deps, s, { id: p.id, ...b }));
  action('materials', '接收企业交来的材料', 'agency.material_receive', materialBody, (s, p, b) => receiveMaterial(deps, s, { id: p.id, ...b }));
  action('materials/:materialId/return', '退还材料（每份一次）', 'agency.material_return', versionBody, (s, p, b) => returnMaterial(deps, s, { id: p.id, materialId: p.materialId, ...b }), materialParams);
  action('activities', '登记代办活动（上门走访、座谈交流、电话沟通、联动协调）', 'agency.activity', activityBody, (s, p, b) => recordActivity(deps, s, { id: p.id, ...b }));
  action('applications', '代企业申报：在办件系统收件，记录代办人', 'agency.file_application', fileApplicationBody, (s, p, b) => fileApplication(deps, s, { id: p.id, ...b }));
  action('finish', '办结（登记办理结果；材料须已全部退还）', 'agency.finish', finishBody, (s, p, b) => finishRequest(deps, s, { id: p.id, ...b }));
  action('follow-up', '回访（办结后，登记满意度）', 'agency.follow_up', followUpBody, (s, p, b) => followUp(deps, s, { id: p.id, ...b }));

  await app.register(portalAgencyRoutes, deps);
  await app.register(projectRoutes, deps);
};
