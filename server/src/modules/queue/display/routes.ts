import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { streamEvents } from '../../../platform/events/sse.ts';
import { asQueueEvent, queueChannel, SharedSnapshots } from '../events.ts';
import { displayParams, displayUpdate } from './contract.ts';
import { announcementOf, getDisplaySnapshot } from './service.ts';

/** The calling display (叫号屏): a snapshot, then an update within a second of every call, from any process. */
export const displayRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, events }) => {
  const tags = ['queue-devices'];
  const shared = new SharedSnapshots((key) => {
    const [centerId, zoneId] = key.split('/') as [string, string];
    return getDisplaySnapshot(db, centerId, zoneId);
  });

  app.get(
    '/api/queue/display/:centerId/:zoneId',
    { config: { access: 'public' }, schema: { tags, summary: '叫号屏当前内容', params: displayParams, response: { 200: displayUpdate } } },
    async (request) => ({ snapshot: await getDisplaySnapshot(db, request.params.centerId, request.params.zoneId), announcement: null }),
  );
  app.get(
    '/api/queue/display/:centerId/:zoneId/stream',
    { config: { access: 'public' }, schema: { tags, summary: '叫号屏实时更新（server-sent events：snapshot，然后每次事件一个 update）', params: displayParams } },
    async (request, reply) => {
      const { centerId, zoneId } = request.params;
      await getDisplaySnapshot(db, centerId, zoneId); // a wrong address gets its 404 before the stream starts
      await streamEvents(request, reply, {
        hub: events,
        channel: queueChannel(centerId),
        snapshot: async () => ({ snapshot: await getDisplaySnapshot(db, centerId, zoneId), announcement: null }),
        toMessage: async (payload) => {
          const event = asQueueEvent(payload);
          const snapshot = await shared.get(`${centerId}/${zoneId}`, event.eventId);
          return { snapshot, announcement: announcementOf(event, snapshot) };
        },
      });
    },
  );
};
