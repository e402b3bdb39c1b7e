import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { readDbOf } from '../../../platform/db/database.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import {
  noticeDto,
  noticeQuery,
  supervisionBody,
  supervisionDto,
  supervisionListQuery,
  supervisionReplyBody,
  timeLimitFigures,
  timeLimitFiguresQuery,
  timeLimitHistory,
  timeLimitSettingsBody,
  timeLimitSettingsDto,
} from './contract.ts';
import { historyOf, myNotices, noticeCount, timeLimitFigures as figuresOf } from './service.ts';
import { readSettings, saveSettings } from './settings.ts';
import { listSupervisions, openSupervision, replySupervision } from './supervision.ts';

/** A.7 承诺时限: warnings, overdue and escalations raised to me, the figures, the setting, 督办. */
export const timeLimitRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];
  app.get(
    '/api/time-limits/notices',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '向我发出的时限预警、超期和升级提醒（默认只列未办结的办件）', querystring: noticeQuery, response: { 200: z.array(noticeDto) } } },
    (request) => myNotices(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/time-limits/notices/count',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '向我提醒的未办结办件数（菜单角标）', response: { 200: z.object({ open: z.number() }) } } },
    (request) => noticeCount(deps, staffOf(request)),
  );
  app.get(
    '/api/time-limits/figures',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '各部门时限统计：预警、超期、升级、督办（未答复、已答复）', querystring: timeLimitFiguresQuery, response: { 200: timeLimitFigures } } },
    (request) => figuresOf({ ...deps, db: readDbOf(deps.database) }, staffOf(request), request.query), // a read replica when DATABASE_READ_URL is set
  );
  app.get(
    '/api/time-limits/settings',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '本中心的时限设置：预警比例、超期升级间隔（工作日）', response: { 200: timeLimitSettingsDto } } },
    (request) => readSettings(deps, staffOf(request)),
  );
  app.put(
    '/api/time-limits/settings',
    { config: { access: 'time_limit.supervise', audit: 'time_limit.settings' }, schema: { tags, summary: '修改本中心的时限设置', body: timeLimitSettingsBody, response: { 200: timeLimitSettingsDto } } },
    async (request) => {
      const by = staffOf(request);
      request.auditObject = { type: 'time_limit_settings', id: by.centerId ?? '', detail: { warningPercent: request.body.warningPercent, escalationDays: request.body.escalationDays } };
      return saveSettings(deps, by, request.body);
    },
  );
  app.get(
    '/api/time-limits/applications/:id',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '办件的时限记录：预警、超期、升级（发给谁）和督办', params: idParam, response: { 200: timeLimitHistory } } },
    (request) => historyOf(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/time-limits/applications/:id/supervisions',
    {
      config: { access: 'time_limit.supervise', audit: 'time_limit.supervise' },
      schema: { tags, summary: '督办：向审批部门首席事务代表发出督办，写明期限和要求（每件同时只有一个未答复的督办）', params: idParam, body: supervisionBody, response: { 201: supervisionDto } },
    },
    async (request, reply) => {
      const result = await openSupervision(deps, staffOf(request), { applicationId: request.params.id, ...request.body });
      request.auditObject = { type: 'supervision', id: result.id, detail: { applicationId: request.params.id, deadline: result.deadline } };
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/time-limits/supervisions',
    { config: { access: 'time_limit.view' }, schema: { tags, summary: '督办：发给我的，或本中心全部（中心管理人员）', querystring: supervisionListQuery, response: { 200: z.array(supervisionDto) } } },
    (request) => listSupervisions(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/time-limits/supervisions/:id/reply',
    {
      config: { access: 'time_limit.reply', audit: 'time_limit.supervision_reply' },
      schema: { tags, summary: '答复督办（仅被督办的首席事务代表，一次）', params: idParam, body: supervisionReplyBody, response: { 200: supervisionDto } },
    },
    (request) => {
      request.auditObject = { type: 'supervision', id: request.params.id };
      return replySupervision(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
};
