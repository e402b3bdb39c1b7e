import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { streamFrames } from '../../../platform/events/sse.ts';
import { displayParams, displayUpdate } from './contract.ts';
import { DisplayFeeds } from './feed.ts';
import { getDisplaySnapshot } from './service.ts';

/**
 * The calling display (叫号屏): a snapshot, then an update within a second of every call, from any
 * process. The streams of a zone share one feed (feed.ts): one snapshot per event for all of them.
 */
export const displayRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, events }) => {
  const tags = ['queue-devices'];
  const feeds = new DisplayFeeds(events, (centerId, zoneId) => getDisplaySnapshot(db, centerId, zoneId), app.log);
  app.addHook('onClose', async () => feeds.close());

  app.get(
    '/api/queue/display/:centerId/:zoneId',
    { config: { access: 'public' }, schema: { tags, summary: '叫号屏当前内容', params: displayParams, response: { 200: displayUpdate } } },
    async (request) => ({ snapshot: await getDisplaySnapshot(db, request.params.centerId, request.params.zoneId), announcement: null }),
  );
  app.get(
    '/api/queue/display/:centerId/:zoneId/stream',
    { config: { access: 'public' }, schema: { tags, summary: '叫号屏实时更新（server-sent events：snapshot，然后每次事件一个 update）', params: displayParams } },
    async (request, reply) => {
      // A wrong address gets its 404 before the stream starts: the zone's feed has a snapshot, or it is not a zone of the center.
      const source = await feeds.open(request.params.centerId, request.params.zoneId);
      streamFrames(request, reply, { hub: events, source });
    },
  );
};
