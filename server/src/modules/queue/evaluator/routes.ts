import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { streamEvents } from '../../../platform/events/sse.ts';
import { getCounter } from '../../venue/service.ts';
import { counterIdParam } from '../contract.ts';
import { asQueueEvent, queueChannel } from '../events.ts';
import { sendFile } from '../../../platform/files/http.ts';
import { photoOnDuty } from '../photos/service.ts';
import { evaluatorSnapshot } from './contract.ts';
import { getEvaluatorSnapshot } from './service.ts';

/** The evaluator (评价器) at a counter: who serves, what is served, the visit just finished (its rating goes to evaluations). */
export const evaluatorRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, events }) => {
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
};
