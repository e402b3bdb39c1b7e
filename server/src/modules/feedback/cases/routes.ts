import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { storeFile } from '../../../platform/files/service.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { listCounters } from '../../venue/service.ts';
import { listDepartments } from '../../staff/service.ts';
import { resolvePortalCenter } from '../../catalog/service.ts';
import {
  assignBody,
  caseDetail,
  caseInput,
  caseListQuery,
  casePage,
  closeBody,
  complainantDto,
  dueDaysBody,
  dueDaysDto,
  followQuery,
  intakeResult,
  optionsDto,
  publicCase,
  publicRateBody,
  referBody,
  replyBody,
  staffRateBody,
  versionBody,
} from './contract.ts';
import { archiveCase, assignCase, closeCase, rateCaseByStaff, referCase, replyCase } from './actions.ts';
import { dueDaysOf, fileCase, setDueDays } from './intake.ts';
import { followCase, rateCaseBySubmitter } from './public.ts';
import { getCaseDetail, listCases, revealComplainant } from './views.ts';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Feedback cases (诉求): intake by staff and by the public, the inbox, the detail with its
 * timeline, the actions, the submitter's follow-up and rating.
 * Rate limiting: the routes marked PUBLIC below (intake, attachment, follow-up, rating) are the
 * ones to limit per client once @fastify/rate-limit is registered (config.rateLimit on each).
 */
export const caseRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  const access = 'feedback.handle';

  // PUBLIC
  app.post(
    '/api/feedback',
    {
      config: { access: 'public', audit: 'feedback.file'},
      schema: { tags, summary: '登记诉求（工作人员各渠道登记；门户、自助终端由企业或留下手机号的群众提交）', body: caseInput, response: { 201: intakeResult } },
    },
    async (request, reply) => {
      const result = await fileCase(deps, request.principal, request.body);
      request.auditObject = { type: 'feedback_case', id: result.id, detail: { number: result.number, kind: request.body.kind } };
      return reply.status(201).send(result);
    },
  );
  // PUBLIC
  app.post(
    '/api/feedback-attachments',
    {
      config: { access: 'public', audit: 'feedback.attachment'},
      schema: { tags, summary: '上传诉求附件（PDF、JPG、PNG，10 MB 以内），得到附件编号', consumes: ['multipart/form-data'], response: { 201: z.object({ id: z.string(), filename: z.string() }) } },
    },
    async (request, reply) => {
      const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', [{ field: 'file', message: '未收到文件' }]);
      const stored = await storeFile(deps.db, { purpose: 'feedback_attachment', filename: file.filename, content: await file.toBuffer(), allowed: ['pdf', 'jpg', 'png'], maxBytes: MAX_ATTACHMENT_BYTES });
      request.auditObject = { type: 'file', id: stored.id };
      return reply.status(201).send({ id: stored.id, filename: stored.filename });
    },
  );
  app.get(
    '/api/feedback-options',
    { config: { access: 'public' }, schema: { tags, summary: '提交诉求时可选的部门和窗口', querystring: z.strictObject({ centerId: z.uuid().optional() }), response: { 200: optionsDto } } },
    async (request) => {
      const centerId = await resolvePortalCenter(deps.db, request.query.centerId);
      const [departments, counters] = await Promise.all([listDepartments(deps.db, centerId), listCounters(deps.db, centerId)]);
      return {
        centerId,
        departments: departments.filter((d) => d.isActive).map((d) => ({ id: d.id, name: d.name })),
        counters: counters.filter((c) => c.isActive).map((c) => ({ id: c.id, number: c.number, name: c.name })),
      };
    },
  );
  // PUBLIC
  app.get(
    '/api/feedback/follow',
    { config: { access: 'public'}, schema: { tags, summary: '诉求人凭编号和手机号（或统一社会信用代码）查询办理情况', querystring: followQuery, response: { 200: publicCase } } },
    (request) => followCase(deps, request.query),
  );
  // PUBLIC
  app.post(
    '/api/feedback/follow/rating',
    { config: { access: 'public', audit: 'feedback.submitter_rating'}, schema: { tags, summary: '诉求人评价答复（办不成事：确认是否已解决）；每次答复评价一次', body: publicRateBody, response: { 200: publicCase } } },
    (request) => rateCaseBySubmitter(deps, request.body),
  );

  app.get(
    '/api/feedback',
    { config: { access }, schema: { tags, summary: '诉求办理列表（本人、本窗口、本部门，或全中心）', querystring: caseListQuery, response: { 200: casePage } } },
    (request) => listCases(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/feedback/settings',
    { config: { access }, schema: { tags, summary: '各类诉求的答复期限（工作日）', response: { 200: dueDaysDto } } },
    async (request) => ({ dueDays: await dueDaysOf(deps.db, staffOf(request).centerId ?? '00000000-0000-0000-0000-000000000000') }),
  );
  app.put(
    '/api/feedback/settings',
    { config: { access: 'feedback.manage', audit: 'feedback.settings' }, schema: { tags, summary: '设置各类诉求的答复期限（工作日）', body: dueDaysBody, response: { 200: dueDaysDto } } },
    async (request) => {
      const centerId = staffOf(request).centerId;
      if (!centerId) throw new AppError('VALIDATION_FAILED', '您的账号没有所属中心');
      request.auditObject = { type: 'center', id: centerId, detail: request.body.dueDays };
      return setDueDays(deps.db, centerId, request.body.dueDays);
    },
  );
  app.get(
    '/api/feedback/:id',
    { config: { access }, schema: { tags, summary: '诉求详情与时间线（保密诉求不含诉求人身份）', params: idParam, response: { 200: caseDetail } } },
    (request) => getCaseDetail(deps, staffOf(request), request.params.id),
  );
  // A read that is audited, allowed or refused (config.audit on a GET).
  app.get(
    '/api/feedback/:id/complainant',
    {
      config: { access: 'authenticated', audit: 'feedback.identity_read' },
      schema: { tags, summary: '查看诉求人身份和联系方式（仅投诉处理人员；每次查看及被拒绝的查看均记入审计日志）', params: idParam, response: { 200: complainantDto } },
    },
    async (request) => {
      request.auditObject = { type: 'feedback_case', id: request.params.id };
      return revealComplainant(deps, staffOf(request), request.params.id);
    },
  );

  const action = <B extends z.ZodType>(path: string, summary: string, audit: string, body: B, run: (staff: ReturnType<typeof staffOf>, id: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/feedback/:id/${path}`,
      { config: { access, audit }, schema: { tags, summary, params: idParam, body, response: { 200: caseDetail } } },
      async (request) => {
        request.auditObject = { type: 'feedback_case', id: request.params.id };
        const staff = staffOf(request);
        await run(staff, request.params.id, request.body as z.output<B>);
        return getCaseDetail(deps, staff, request.params.id);
      },
    );
  action('assign', '分派经办人（投诉可定范围 a/b）', 'feedback.assign', assignBody, (s, id, b) => assignCase(deps, s, { id, ...b }));
  action('reply', '答复诉求（办不成事须登记办理结果）', 'feedback.reply', replyBody, (s, id, b) => replyCase(deps, s, { id, ...b }));
  action('rating', '登记诉求人对答复的满意度（电话回访所得）', 'feedback.rating', staffRateBody, (s, id, b) => rateCaseByStaff(deps, s, { id, ...b }));
  action('close', '办结（诉求人未评价）', 'feedback.close', closeBody, (s, id, b) => closeCase(deps, s, { id, ...b }));
  action('archive', '归档（此后只读）', 'feedback.archive', versionBody, (s, id, b) => archiveCase(deps, s, { id, ...b }));
  action('referral', '移送纪检监察机关（登记文号）', 'feedback.referral', referBody, (s, id, b) => referCase(deps, s, { id, ...b }));
};
