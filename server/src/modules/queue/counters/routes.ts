import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { streamEvents } from '../../../platform/events/sse.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { getStaff } from '../../staff/service.ts';
import { counterIdParam } from '../contract.ts';
import { queueChannel } from '../events.ts';
import { ticket } from '../tickets/contract.ts';
import * as actions from '../tickets/actions.ts';
import { evaluatorLinkOf } from '../settings/devices.ts';
import { callResult, clerkCounter, evaluatorLink, finishInput, transferInput, walkInInput, workbench } from './contract.ts';
import { changeSession, counterForClerk, type SessionAction } from './service.ts';
import { getWorkbench, listClerkCounters } from './workbench.ts';

/** The clerk's workbench (叫号): the counter's session, calling, and the ticket in hand. */
export const counterRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config, events }) => {
  const tags = ['queue'];
  const serve = (audit: string) => ({ access: 'queue.serve' as const, audit });

  app.get(
    '/api/queue/my-counters',
    { config: { access: 'queue.serve' }, schema: { tags, summary: '本中心的窗口及其服务状态（本人窗口在前）', response: { 200: z.array(clerkCounter) } } },
    async (request) => {
      const clerk = staffOf(request);
      return listClerkCounters(db, clerk, (await getStaff(db, clerk.id)).counterId);
    },
  );
  app.get(
    '/api/queue/counters/:counterId/workbench',
    { config: { access: 'queue.serve' }, schema: { tags, summary: '窗口工作台', params: counterIdParam, response: { 200: workbench } } },
    (request) => getWorkbench(db, request.params.counterId, staffOf(request)),
  );
  app.get(
    '/api/queue/counters/:counterId/evaluator-link',
    {
      config: { access: 'queue.serve' },
      schema: { tags, summary: '打开本窗口评价器的链接（演示评价器带其公开密钥）', params: counterIdParam, response: { 200: evaluatorLink } },
    },
    async (request) => evaluatorLinkOf(db, await counterForClerk(db, request.params.counterId, staffOf(request))),
  );
  app.get(
    '/api/queue/counters/:counterId/workbench/stream',
    { config: { access: 'queue.serve' }, schema: { tags, summary: '窗口工作台的实时更新（server-sent events）', params: counterIdParam } },
    async (request, reply) => {
      const clerk = staffOf(request);
      const counter = await counterForClerk(db, request.params.counterId, clerk);
      await streamEvents(request, reply, { hub: events, channel: queueChannel(counter.centerId), snapshot: () => getWorkbench(db, counter.id, clerk) });
    },
  );

  for (const action of ['open', 'pause', 'resume', 'close'] as const satisfies SessionAction[]) {
    const summaries = { open: '开启窗口服务', pause: '暂停窗口服务', resume: '恢复窗口服务', close: '关闭窗口服务' };
    app.post(
      `/api/queue/counters/:counterId/${action}`,
      { config: serve(`counter.${action}`), schema: { tags, summary: summaries[action], params: counterIdParam, response: { 200: workbench } } },
      async (request) => {
        request.auditObject = { type: 'counter', id: request.params.counterId };
        await changeSession(db, request.params.counterId, action, staffOf(request));
        return getWorkbench(db, request.params.counterId, staffOf(request));
      },
    );
  }

  app.post(
    '/api/queue/counters/:counterId/call-next',
    { config: serve('ticket.call'), schema: { tags, summary: '叫下一个号（按优先级规则）', params: counterIdParam, response: { 200: callResult } } },
    async (request) => {
      const called = await actions.callNext(db, request.params.counterId, staffOf(request));
      request.auditObject = { type: called ? 'ticket' : 'counter', id: called?.id ?? request.params.counterId };
      return { ticket: called };
    },
  );
  app.post(
    '/api/queue/counters/:counterId/walk-in',
    { config: serve('ticket.walk_in'), schema: { tags, summary: '接待无号办事人（直接开始办理）', params: counterIdParam, body: walkInInput, response: { 200: ticket } } },
    async (request) => {
      const served = await actions.serveWalkIn(db, config, request.params.counterId, staffOf(request), request.body);
      request.auditObject = { type: 'ticket', id: served.id };
      return served;
    },
  );

  const simple = { recall: ['重呼', actions.recall], start: ['开始办理', actions.startService], 'no-show': ['过号', actions.markNoShow] } as const;
  for (const [path, [summary, act]] of Object.entries(simple)) {
    app.post(
      `/api/queue/tickets/:id/${path}`,
      { config: serve(`ticket.${path.replace('-', '_')}`), schema: { tags, summary, params: idParam, response: { 200: ticket } } },
      async (request) => {
        request.auditObject = { type: 'ticket', id: request.params.id };
        return act(db, request.params.id, staffOf(request));
      },
    );
  }
  app.post(
    '/api/queue/tickets/:id/transfer',
    {
      config: serve('ticket.transfer'),
      schema: { tags, summary: '转到其他队列或指定窗口（保留号码和排队位置）', params: idParam, body: transferInput, response: { 200: ticket } },
    },
    async (request) => {
      request.auditObject = { type: 'ticket', id: request.params.id, detail: { ...request.body } };
      return actions.transfer(db, request.params.id, staffOf(request), request.body);
    },
  );
  app.post(
    '/api/queue/tickets/:id/finish',
    { config: serve('ticket.finish'), schema: { tags, summary: '办结，记录办理的事项（或注明仅咨询）', params: idParam, body: finishInput, response: { 200: ticket } } },
    async (request) => {
      request.auditObject = { type: 'ticket', id: request.params.id, detail: { ...request.body } };
      return actions.finish(db, request.params.id, staffOf(request), request.body, new Date());
    },
  );
};
