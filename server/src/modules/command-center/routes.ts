import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import { streamEvents } from '../../platform/events/sse.ts';
import { AppError } from '../../platform/errors.ts';
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
    '/api/command-center/stream',
    { config: { access: 'command_center.view' }, schema: { tags, summary: '指挥中心大屏实时更新（server-sent events：snapshot，然后每次取号、叫号等排队事件一个 update）' } },
    async (request, reply) => {
      const staff = staffOf(request);
      if (!staff.centerId) throw new AppError('FORBIDDEN', '您未被分配到服务中心');
      const centerId = staff.centerId;
      const snapshot = () => getScreen({ db, config }, staff);
      await streamEvents(request, reply, { hub: events, channel: queueChannel(centerId), snapshot });
    },
  );
};
