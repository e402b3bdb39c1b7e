import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import { streamEvents } from '../../platform/events/sse.ts';
import { z } from 'zod';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { notFound } from '../../platform/errors.ts';
import { getCenter } from '../venue/service.ts';
import { queueChannel } from '../queue/events.ts';
import { commandCenterDto, commandCenterQuery } from './contract.ts';
import { getCommandCenter, getScreen } from './service.ts';

/** 指挥中心: the targets of the standard, trends and breakdowns; the hall's big screen by SSE. */
export const commandCenterRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config, events }) => {
  const tags = ['command-center'];
  app.get(
    '/api/command-center',
    { config: { access: 'command_center.view' }, schema: { tags, summary: '指挥中心：各项标准指标（数值、目标、是否达标）、趋势与分布', querystring: commandCenterQuery, response: { 200: commandCenterDto } } },
    (request) => getCommandCenter({ db, config }, staffOf(request), request.query),
  );
  app.get(
    '/api/command-center/centers/:id/stream',
    {
      config: { access: 'command_center.view' },
      schema: { tags, summary: '指挥中心大屏实时更新（server-sent events：snapshot，然后每次取号、叫号等排队事件一个 update）', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      // a center outside the staff member's scope answers as a missing one
      if (!isCenterInScope(staff, request.params.id)) throw notFound('服务中心');
      const centerId = (await getCenter(db, request.params.id)).id;
      const viewer = { ...staff, centerId };
      await streamEvents(request, reply, { hub: events, channel: queueChannel(centerId), snapshot: () => getScreen({ db, config }, viewer) });
    },
  );
};
