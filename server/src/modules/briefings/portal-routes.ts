import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { sendFile } from '../../platform/files/http.ts';
import { idParam } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { feedbackInput, ownRegistration, publicEvent, registerInput, registrationFileParams } from './contract.ts';
import { cancelRegistration, giveFeedback, openOwnMaterial, ownRegistrations, register } from './registrations.ts';
import { publicEvent as getPublicEvent, publicEvents } from './service.ts';

function enterpriseOf(request: FastifyRequest) {
  const p = request.principal;
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p;
}

/** The portal's side of 6.2.4: the events for anyone; registration, its QR codes, materials and feedback for the enterprise signed in. */
export const portalRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['portal'];
  app.get(
    '/api/public/briefings',
    { config: { access: 'public' }, schema: { tags, summary: '宣讲培训活动（已发布、已举办、已取消）', response: { 200: z.array(publicEvent) } } },
    () => publicEvents(deps.db),
  );
  app.get(
    '/api/public/briefings/:id',
    { config: { access: 'public' }, schema: { tags, summary: '活动详情', params: idParam, response: { 200: publicEvent } } },
    (request) => getPublicEvent(deps.db, request.params.id),
  );
  app.post(
    '/api/portal/briefings/:id/registrations',
    { config: { access: 'enterprise', audit: 'briefing.register' }, schema: { tags, summary: '报名参加活动（一位或多位参会人）', params: idParam, body: registerInput, response: { 201: ownRegistration } } },
    async (request, reply) => {
      const created = await register(deps, enterpriseOf(request), request.params.id, request.body);
      request.auditObject = { type: 'briefing_registration', id: created.id, detail: { eventId: request.params.id, attendees: created.attendees.length } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/portal/briefing-registrations',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业的活动报名、签到码、资料与反馈', response: { 200: z.array(ownRegistration) } } },
    (request) => ownRegistrations(deps, enterpriseOf(request)),
  );
  app.post(
    '/api/portal/briefing-registrations/:id/cancel',
    { config: { access: 'enterprise', audit: 'briefing.cancel_registration' }, schema: { tags, summary: '取消报名（活动开始前）', params: idParam, response: { 200: ownRegistration } } },
    (request) => {
      request.auditObject = { type: 'briefing_registration', id: request.params.id };
      return cancelRegistration(deps, enterpriseOf(request), request.params.id);
    },
  );
  app.post(
    '/api/portal/briefing-registrations/:id/feedback',
    { config: { access: 'enterprise', audit: 'briefing.feedback' }, schema: { tags, summary: '活动反馈：满意度 1–5 分和意见（活动结束后，每家企业一次）', params: idParam, body: feedbackInput, response: { 200: ownRegistration } } },
    (request) => {
      request.auditObject = { type: 'briefing_registration', id: request.params.id };
      return giveFeedback(deps, enterpriseOf(request), request.params.id, request.body);
    },
  );
  app.get(
    '/api/portal/briefing-registrations/:id/materials/:fileId',
    { config: { access: 'enterprise' }, schema: { tags, summary: '下载活动资料（报名企业，活动结束后）', params: registrationFileParams } },
    async (request, reply) => sendFile(reply, await openOwnMaterial(deps, enterpriseOf(request), request.params.id, request.params.fileId), { disposition: 'attachment', cacheControl: 'private, no-cache' }),
  );
};
