import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EnterprisePrincipal, Principal } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { idParam, version } from '../../platform/http/schemas.ts';
import { bookingInput, endInput, figuresDto, figuresQuery, followUpInput, recordDto, recordInput, recordsQuery, sessionDto, sessionsQuery, signalInput, slotsDto, slotsQuery } from './contract.ts';
import { assistanceFigures, centerItems, getRecord, listRecords, recordAssistance, recordFollowUp } from './ledger.ts';
import { reportConnected, sendSignal, streamCall } from './signalling.ts';
import { availableSlots, bookSession, cancelSession, endSession, listCenterSessions, listEnterpriseSessions, startSession } from './video.ts';

const versionBody = z.strictObject({ version });
function enterpriseOf(p: Principal | null | undefined): EnterprisePrincipal {
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p;
}

/** 申报辅导 (6.1.2): the ledger, its figures, and video sessions — booked on the portal, held by the assistant. */
export const assistanceRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db } = deps;
  const tags = ['assistance'];
  app.post(
    '/api/assistance/records',
    { config: { access: 'assistance.record', audit: 'assistance.record' }, schema: { tags, summary: '登记现场申报辅导：办事人、辅导内容、事项、结果（已申报、尚未申报、已转介）和回访', body: recordInput, response: { 201: recordDto } } },
    async (request, reply) => {
      const record = await recordAssistance(db, staffOf(request), request.body);
      request.auditObject = { type: 'assistance_record', id: record.id };
      return reply.status(201).send(record);
    },
  );
  app.get(
    '/api/assistance/records',
    { config: { access: 'assistance.record' }, schema: { tags, summary: '申报辅导台账（本中心）：按日期、方式、结果、待回访筛选', querystring: recordsQuery, response: { 200: z.array(recordDto) } } },
    (request) => listRecords(db, staffOf(request), request.query),
  );
  app.get(
    '/api/assistance/records/:id',
    { config: { access: 'assistance.record' }, schema: { tags, summary: '一条申报辅导记录', params: idParam, response: { 200: recordDto } } },
    (request) => getRecord(db, staffOf(request), request.params.id),
  );
  app.post(
    '/api/assistance/records/:id/follow-up',
    { config: { access: 'assistance.record', audit: 'assistance.follow_up' }, schema: { tags, summary: '登记回访结果（安排了回访的记录，登记一次）', params: idParam, body: followUpInput, response: { 200: recordDto } } },
    (request) => {
      request.auditObject = { type: 'assistance_record', id: request.params.id };
      return recordFollowUp(db, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  app.get(
    '/api/assistance/figures',
    { config: { access: 'assistance.record' }, schema: { tags, summary: '申报辅导统计：按方式、结果，待回访和逾期回访', querystring: figuresQuery, response: { 200: figuresDto } } },
    (request) => assistanceFigures(db, staffOf(request), request.query),
  );

  app.get(
    '/api/assistance/items',
    { config: { access: 'assistance.record' }, schema: { tags, summary: '本中心已发布的事项（登记辅导时选择）', response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } } },
    (request) => centerItems(db, staffOf(request)),
  );
  app.get(
    '/api/assistance/video-sessions',
    { config: { access: 'assistance.record' }, schema: { tags, summary: '本中心的视频辅导预约（今日起，或全部）', querystring: sessionsQuery, response: { 200: z.array(sessionDto) } } },
    (request) => listCenterSessions(db, staffOf(request), request.query.scope),
  );
  app.post(
    '/api/assistance/video-sessions/:id/start',
    { config: { access: 'assistance.record', audit: 'video_session.start' }, schema: { tags, summary: '开始视频辅导（由本人接待）', params: idParam, body: versionBody, response: { 200: sessionDto } } },
    (request) => {
      request.auditObject = { type: 'video_session', id: request.params.id };
      return startSession(db, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/assistance/video-sessions/:id/end',
    { config: { access: 'assistance.record', audit: 'video_session.end' }, schema: { tags, summary: '结束视频辅导并登记结果（记入申报辅导台账，含通话时长）', params: idParam, body: endInput, response: { 200: sessionDto } } },
    (request) => {
      request.auditObject = { type: 'video_session', id: request.params.id };
      return endSession(db, staffOf(request), request.params.id, request.body);
    },
  );

  // the call: the session's enterprise and its assistant only (others 404)
  app.get(
    '/api/assistance/video-sessions/:id/stream',
    { config: { access: 'authenticated' }, schema: { tags, summary: '视频辅导的连线信令和状态（server-sent events）', params: idParam } },
    async (request, reply) => streamCall(deps, request, reply, request.params.id),
  );
  app.post(
    '/api/assistance/video-sessions/:id/signals',
    { config: { access: 'authenticated', audit: 'video_session.signal' }, schema: { tags, summary: '发送连线信令（offer、answer、ICE candidate）给对方', params: idParam, body: signalInput, response: { 201: z.object({ id: z.number() }) } } },
    async (request, reply) => {
      request.auditObject = { type: 'video_session', id: request.params.id, detail: { kind: request.body.kind } };
      return reply.status(201).send(await sendSignal(db, request.principal, request.params.id, request.body));
    },
  );
  app.post(
    '/api/assistance/video-sessions/:id/connected',
    { config: { access: 'authenticated', audit: 'video_session.connect' }, schema: { tags, summary: '报告通话已接通（首次报告开始计时）', params: idParam, response: { 200: z.object({ connectedAt: z.string() }) } } },
    (request) => {
      request.auditObject = { type: 'video_session', id: request.params.id };
      return reportConnected(db, request.principal, request.params.id);
    },
  );

  // the portal
  app.get(
    '/api/portal/assistance/slots',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '门户：视频辅导可预约时段和可选事项', querystring: slotsQuery, response: { 200: slotsDto } } },
    () => availableSlots(db),
  );
  app.get(
    '/api/portal/assistance/video-sessions',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '门户：本企业的视频辅导', response: { 200: z.array(sessionDto) } } },
    (request) => listEnterpriseSessions(db, enterpriseOf(request.principal)),
  );
  app.post(
    '/api/portal/assistance/video-sessions',
    { config: { access: 'enterprise', audit: 'video_session.book' }, schema: { tags: ['portal'], summary: '门户：预约视频辅导（工作日半小时时段）', body: bookingInput, response: { 201: sessionDto } } },
    async (request, reply) => {
      const session = await bookSession(db, enterpriseOf(request.principal), request.body);
      request.auditObject = { type: 'video_session', id: session.id };
      return reply.status(201).send(session);
    },
  );
  app.post(
    '/api/portal/assistance/video-sessions/:id/cancel',
    { config: { access: 'enterprise', audit: 'video_session.cancel' }, schema: { tags: ['portal'], summary: '门户：取消尚未开始的视频辅导', params: idParam, body: versionBody, response: { 200: sessionDto } } },
    (request) => {
      request.auditObject = { type: 'video_session', id: request.params.id };
      return cancelSession(db, enterpriseOf(request.principal), request.params.id, request.body.version);
    },
  );
};
