import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { streamEvents } from '../../../platform/events/sse.ts';
import { getCounter } from '../../venue/service.ts';
import { counterIdParam } from '../contract.ts';
import { asQueueEvent, queueChannel } from '../events.ts';
import { sendFile } from '../../../platform/files/http.ts';
import { photoOnDuty } from '../photos/service.ts';
import { evaluatorInvitation, evaluatorInvitationInput, evaluatorRatingInput, evaluatorRatingResult, evaluatorSnapshot } from './contract.ts';
import { getEvaluatorSnapshot, inviteFromEvaluator, rateAtEvaluator } from './service.ts';

/** The evaluator (评价器) at a counter: who serves, what is served, and the rating of the visit just finished. */
export const evaluatorRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config, events }) => {
  const tags = ['queue-devices'];
  app.get(
    '/api/queue/evaluator/:counterId',
    { config: { access: 'public' }, schema: { tags, summary: '评价器当前内容', params: counterIdParam, response: { 200: evaluatorSnapshot } } },
    (request) => getEvaluatorSnapshot(db, request.params.counterId),
  );
  app.get(
    '/api/queue/evaluator/:counterId/stream',
    { config: { access: 'public' }, schema: { tags, summary: '评价器实时更新（server-sent events）', params: counterIdParam } },
    async (request, reply) => {
      const counter = await getCounter(db, request.params.counterId);
      await streamEvents(request, reply, {
        hub: events,
        channel: queueChannel(counter.centerId),
        accepts: (payload) => asQueueEvent(payload).counterId === counter.id,
        snapshot: () => getEvaluatorSnapshot(db, counter.id),
      });
    },
  );
  app.get(
    '/api/queue/evaluator/:counterId/photo',
    { config: { access: 'public' }, schema: { tags, summary: '在岗工作人员的照片', params: counterIdParam } },
    async (request, reply) => {
      const photo = await photoOnDuty(db, request.params.counterId);
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return sendFile(reply, photo, { disposition: 'inline', cacheControl: 'no-cache' });
    },
  );
  app.post(
    '/api/queue/evaluator/:counterId/ratings',
    {
      config: { access: 'public', audit: 'rating.create' },
      schema: {
        tags,
        summary: '评价器提交评价（请求头 x-device-key 为评价器密钥）',
        params: counterIdParam,
        body: evaluatorRatingInput,
        response: { 201: evaluatorRatingResult },
      },
    },
    async (request, reply) => {
      const key = request.headers['x-device-key'];
      request.auditObject = { type: 'ticket', id: request.body.ticketId, detail: { level: request.body.level } };
      const rated = await rateAtEvaluator({ db, config }, request.params.counterId, typeof key === 'string' ? key : undefined, request.body);
      return reply.status(201).send(rated);
    },
  );
  app.post(
    '/api/queue/evaluator/:counterId/invitation',
    {
      config: { access: 'public', audit: 'rating_invitation.create' },
      schema: {
        tags,
        summary: '评价器显示的手机评价二维码（一次有效；请求头 x-device-key 为评价器密钥）',
        params: counterIdParam,
        body: evaluatorInvitationInput,
        response: { 201: evaluatorInvitation },
      },
    },
    async (request, reply) => {
      const key = request.headers['x-device-key'];
      request.auditObject = { type: 'ticket', id: request.body.ticketId };
      const invitation = await inviteFromEvaluator({ db, config }, request.params.counterId, typeof key === 'string' ? key : undefined, request.body.ticketId);
      return reply.status(201).send(invitation);
    },
  );
};
