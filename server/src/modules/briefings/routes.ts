import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../platform/files/http.ts';
import { idParam } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { listZones } from '../venue/service.ts';
import { checkInInput, checkInResult, eventDetail, eventInput, eventSummary, eventUpdate, overallFigures, registrationFileParams, roomDto, staffRegistration, versionBody } from './contract.ts';
import { portalRoutes } from './portal-routes.ts';
import { checkIn, eventRegistrations } from './registrations.ts';
import { addMaterial, changeStatus, createEvent, getEvent, listEvents, MATERIAL_POLICY, openMaterial, overallFigures as figures, updateEvent, eventFor } from './service.ts';

/** 宣讲培训 (6.2.4): the organiser's events, registrations, check-in at the door, materials, figures; and the portal's side. */
export const briefingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['briefings'];
  const manage = 'briefing.manage';
  const door = 'briefing.check_in';

  app.get(
    '/api/briefings',
    { config: { access: door }, schema: { tags, summary: '本中心的宣讲培训活动（报名、签到、满意度）', response: { 200: z.array(eventSummary) } } },
    (request) => listEvents(deps, staffOf(request)),
  );
  app.get(
    '/api/briefings/figures',
    { config: { access: manage }, schema: { tags, summary: '宣讲培训总体数据：场次、报名、签到、到场率、满意度', response: { 200: overallFigures } } },
    (request) => figures(deps, staffOf(request)),
  );
  app.get(
    '/api/briefings/rooms',
    { config: { access: manage }, schema: { tags, summary: '本中心宣讲培训区的活动室', response: { 200: z.array(roomDto) } } },
    async (request) => {
      const centerId = staffOf(request).centerId;
      if (!centerId) return [];
      return (await listZones(deps.db, centerId)).filter((z) => z.kind === 'briefing' && z.isActive).map((z) => ({ id: z.id, name: z.name, floor: z.floor }));
    },
  );
  app.post(
    '/api/briefings',
    { config: { access: manage, audit: 'briefing.create' }, schema: { tags, summary: '新建活动（草稿）', body: eventInput, response: { 201: eventDetail } } },
    async (request, reply) => {
      const created = await createEvent(deps, staffOf(request), request.body);
      request.auditObject = { type: 'briefing', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/briefings/:id',
    { config: { access: door }, schema: { tags, summary: '活动详情、资料与数据', params: idParam, response: { 200: eventDetail } } },
    (request) => getEvent(deps, staffOf(request), request.params.id),
  );
  app.put(
    '/api/briefings/:id',
    { config: { access: manage, audit: 'briefing.update' }, schema: { tags, summary: '修改活动（草稿或已发布；名额不少于已报名人数）', params: idParam, body: eventUpdate, response: { 200: eventDetail } } },
    (request) => {
      request.auditObject = { type: 'briefing', id: request.params.id };
      return updateEvent(deps, staffOf(request), request.params.id, request.body);
    },
  );
  for (const [action, summary] of [
    ['publish', '发布活动（门户可报名）'],
    ['cancel', '取消活动'],
    ['hold', '标记为已举办（活动开始后）'],
  ] as const) {
    app.post(
      `/api/briefings/:id/${action}`,
      { config: { access: manage, audit: `briefing.${action}` }, schema: { tags, summary, params: idParam, body: versionBody, response: { 200: eventDetail } } },
      (request) => {
        request.auditObject = { type: 'briefing', id: request.params.id };
        return changeStatus(deps, staffOf(request), request.params.id, action, request.body.version);
      },
    );
  }
  app.get(
    '/api/briefings/:id/registrations',
    { config: { access: manage }, schema: { tags, summary: '报名企业、参会人（手机号脱敏）、签到与反馈', params: idParam, response: { 200: z.array(staffRegistration) } } },
    (request) => eventRegistrations(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/briefings/:id/check-ins',
    { config: { access: door, audit: 'briefing.check_in' }, schema: { tags, summary: '现场签到：扫描或输入参会人的签到码', params: idParam, body: checkInInput, response: { 200: checkInResult } } },
    async (request) => {
      const result = await checkIn(deps, staffOf(request), request.params.id, request.body.code);
      request.auditObject = { type: 'briefing_attendee', id: result.attendeeId, detail: { eventId: request.params.id } };
      return result;
    },
  );
  app.post(
    '/api/briefings/:id/materials',
    { config: { access: manage, audit: 'briefing.upload_material' }, schema: { tags, summary: '上传活动资料（PDF、Word、Excel、图片；活动结束后向报名企业开放下载）', params: idParam, response: { 201: eventDetail } } },
    async (request, reply) => {
      const file = await receiveFile(request, MATERIAL_POLICY);
      const detail = await addMaterial(deps, staffOf(request), request.params.id, file);
      request.auditObject = { type: 'briefing', id: request.params.id, detail: { filename: file.filename } };
      return reply.status(201).send(detail);
    },
  );
  app.get(
    '/api/briefings/:id/materials/:fileId',
    { config: { access: door }, schema: { tags, summary: '下载活动资料', params: registrationFileParams } },
    async (request, reply) => {
      const event = await eventFor(deps.db, staffOf(request), request.params.id);
      return sendFile(reply, await openMaterial(deps.db, event.id, request.params.fileId), { disposition: 'attachment', cacheControl: 'private, no-cache' });
    },
  );
  await app.register(portalRoutes, deps);
};
