import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import {
  answerInput,
  answerResult,
  publicSurvey,
  recipientDto,
  sendingInput,
  sendingResult,
  surveyDetail,
  surveyInput,
  surveyListQuery,
  surveyResults,
  surveySummary,
  surveyUpdate,
  tokenParam,
  versionBody,
} from './contract.ts';
import { answerSurvey, getPublicSurvey } from './public.ts';
import { sendSurvey } from './sending.ts';
import { closeSurvey, createSurvey, getSurvey, getSurveyResults, listSurveyRecipients, listSurveys, openSurvey, updateSurvey } from './service.ts';

/** 企业满意度调查 (9.1.1): questionnaires, sending, the public answer page (the signed link is the permission), results. */
export const surveyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  const read = 'survey.read';
  const manage = 'survey.manage';

  app.get(
    '/api/surveys',
    { config: { access: read }, schema: { tags, summary: '满意度调查问卷列表（发送数、回收数、回收率）', querystring: surveyListQuery, response: { 200: z.array(surveySummary) } } },
    (request) => listSurveys(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/surveys',
    { config: { access: manage, audit: 'survey.create' }, schema: { tags, summary: '新建问卷（草稿）：单选、多选、1–5 分评分、文字题', body: surveyInput, response: { 201: surveyDetail } } },
    async (request, reply) => {
      const created = await createSurvey(deps, staffOf(request), request.body);
      request.auditObject = { type: 'survey', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/surveys/:id',
    { config: { access: read }, schema: { tags, summary: '问卷详情与题目', params: idParam, response: { 200: surveyDetail } } },
    (request) => getSurvey(deps, staffOf(request), request.params.id),
  );
  app.put(
    '/api/surveys/:id',
    { config: { access: manage, audit: 'survey.update' }, schema: { tags, summary: '修改问卷草稿（标题、说明、截止日期、题目）', params: idParam, body: surveyUpdate, response: { 200: surveyDetail } } },
    (request) => {
      request.auditObject = { type: 'survey', id: request.params.id };
      return updateSurvey(deps, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/surveys/:id/open',
    { config: { access: manage, audit: 'survey.open' }, schema: { tags, summary: '发布问卷（题目此后不能修改；须有截止日期）', params: idParam, body: versionBody, response: { 200: surveyDetail } } },
    (request) => {
      request.auditObject = { type: 'survey', id: request.params.id };
      return openSurvey(deps, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/surveys/:id/close',
    { config: { access: manage, audit: 'survey.close' }, schema: { tags, summary: '结束调查（链接不再接受答卷）', params: idParam, body: versionBody, response: { 200: surveyDetail } } },
    (request) => {
      request.auditObject = { type: 'survey', id: request.params.id };
      return closeSurvey(deps, staffOf(request), request.params.id, request.body.version);
    },
  );
  app.post(
    '/api/surveys/:id/sendings',
    {
      config: { access: manage, audit: 'survey.send' },
      schema: { tags, summary: '发送问卷：按统一社会信用代码或按行业、规模、镇街筛选企业；每家企业一条一次有效的短信链接', params: idParam, body: sendingInput, response: { 200: sendingResult } },
    },
    async (request) => {
      const result = await sendSurvey(deps, staffOf(request), request.params.id, request.body);
      request.auditObject = { type: 'survey', id: request.params.id, detail: { invited: result.invited, alreadyInvited: result.alreadyInvited, unreachable: result.unreachable.length } };
      return result;
    },
  );
  app.get(
    '/api/surveys/:id/recipients',
    { config: { access: read }, schema: { tags, summary: '问卷发送对象及是否已填写', params: idParam, response: { 200: z.array(recipientDto) } } },
    (request) => listSurveyRecipients(deps, staffOf(request), request.params.id),
  );
  app.get(
    '/api/surveys/:id/results',
    { config: { access: read }, schema: { tags, summary: '问卷结果：各题选项数量和占比、评分均值和分布、文字意见；回收率 = 已填写 / 已发送', params: idParam, response: { 200: surveyResults } } },
    (request) => getSurveyResults(deps, staffOf(request), request.params.id),
  );

  // The link in the SMS: public, the signed one-use token is the permission.
  app.get(
    '/api/public/surveys/:token',
    { config: { access: 'public' }, schema: { tags, summary: '问卷链接对应的问卷（企业无需登录）', params: tokenParam, response: { 200: publicSurvey } } },
    (request) => getPublicSurvey(deps, request.params.token),
  );
  app.post(
    '/api/public/surveys/:token/answers',
    { config: { access: 'public', audit: 'survey.answer' }, schema: { tags, summary: '提交答卷（每个链接一次有效）', params: tokenParam, body: answerInput, response: { 201: answerResult } } },
    async (request, reply) => {
      const { responseId, submittedAt } = await answerSurvey(deps, request.params.token, request.body);
      request.auditObject = { type: 'survey_response', id: responseId };
      return reply.status(201).send({ submittedAt });
    },
  );
};
