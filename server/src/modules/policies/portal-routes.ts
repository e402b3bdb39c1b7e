import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { idParam } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { applicationForm, applyBody, calculatorInput, calculatorResult, explanation, grant, inboxEntry, optOutInput, policyApplication, publicPolicy } from './contract.ts';
import { applicationFormFor, applyForPolicy, ownPolicyApplications } from './apply/service.ts';
import * as grants from './grants/service.ts';
import * as policies from './service.ts';

function enterpriseOf(request: FastifyRequest) {
  const p = request.principal;
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p;
}

/** Situation answers in a query string: `question:option,question:option`. */
const answersQuery = z.strictObject({
  answers: z
    .string()
    .trim()
    .max(500)
    .regex(/^([a-z0-9_-]+:[a-z0-9_-]+(,[a-z0-9_-]+:[a-z0-9_-]+)*)?$/, '情形回答格式应为 问题:选项,问题:选项')
    .default(''),
});

/**
 * The portal's side of clause 6.2.2: public policy pages and the calculator for anyone; for the
 * enterprise signed in, its inbox of pushed policies (with opt-out), its grants (免申即享), the
 * calculator on its registry record, and online applications for apply-mode policies.
 */
export const policyPortalRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const deps = { db, config };
  app.get(
    '/api/portal/policy-inbox',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '本企业收到的政策推送', response: { 200: z.array(inboxEntry) } } },
    (request) => policies.inbox(db, enterpriseOf(request).uscc),
  );
  app.post(
    '/api/portal/policy-inbox/:id/read',
    { config: { access: 'enterprise', audit: 'policy_push.read' }, schema: { tags: ['portal'], summary: '标记为已读', params: idParam } },
    async (request, reply) => {
      request.auditObject = { type: 'policy_push', id: request.params.id };
      await policies.markInboxRead(db, enterpriseOf(request).uscc, request.params.id);
      return reply.status(204).send();
    },
  );
  app.put(
    '/api/portal/policy-opt-out',
    { config: { access: 'enterprise', audit: 'policy_push.opt_out' }, schema: { tags: ['portal'], summary: '退订或恢复政策推送', body: optOutInput, response: { 200: optOutInput } } },
    (request) => {
      const me = enterpriseOf(request);
      request.auditObject = { type: 'enterprise', id: me.uscc, detail: request.body };
      return policies.setOptOut(db, me.uscc, request.body.optedOut);
    },
  );
  app.get(
    '/api/portal/policy-calculator',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '政策计算器：本企业可享受的政策及金额、差一个条件的政策', response: { 200: calculatorResult } } },
    (request) => policies.calculateFor(db, enterpriseOf(request).uscc),
  );
  app.get(
    '/api/public/policies',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '已发布的惠企政策', response: { 200: z.array(publicPolicy) } } },
    () => policies.publishedPolicies(db),
  );
  app.get(
    '/api/public/policies/:id',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '政策详情与政策解读', params: idParam, response: { 200: publicPolicy } } },
    (request) => policies.publishedPolicy(db, request.params.id),
  );
  app.post(
    '/api/public/policy-calculator',
    { config: { access: 'public' }, schema: { tags: ['portal'], summary: '政策计算器：按填写的企业情况测算', body: calculatorInput, response: { 200: calculatorResult } } },
    (request) => policies.calculate(db, { ...request.body, uscc: '', licenses: [], seriousBadCredit: false, industryCode: request.body.industryCode.toUpperCase() }),
  );
  app.get(
    '/api/portal/policy-opt-out',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '本企业是否已退订政策推送', response: { 200: optOutInput } } },
    (request) => policies.optOutOf(db, enterpriseOf(request).uscc),
  );
  app.get(
    '/api/portal/policy-grants',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '本企业的免申即享资金：核定与拨付状态', response: { 200: z.array(grant) } } },
    (request) => grants.grantsOf(db, enterpriseOf(request).uscc),
  );
  app.get(
    '/api/portal/policies/:id/explanation',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '本企业是否符合政策的每一项条件及企业库中的值', params: idParam, response: { 200: explanation } } },
    (request) => policies.explainOwn(db, request.params.id, enterpriseOf(request).uscc),
  );
  app.get(
    '/api/portal/policies/:id/application-form',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '网上申报：按企业信息和电子证照预填的申报表', params: idParam, querystring: answersQuery, response: { 200: applicationForm } } },
    (request) => applicationFormFor(deps, enterpriseOf(request).uscc, request.params.id, parseAnswers(request.query.answers)),
  );
  app.post(
    '/api/portal/policies/:id/applications',
    { config: { access: 'enterprise', audit: 'policy.apply' }, schema: { tags: ['portal'], summary: '网上申报政策（申报事项的办件，由窗口受理、承办部门审核）', params: idParam, body: applyBody, response: { 201: z.object({ applicationId: z.string(), number: z.string() }) } } },
    async (request, reply) => {
      const created = await applyForPolicy(deps, enterpriseOf(request), request.params.id, request.body);
      request.auditObject = { type: 'application', id: created.applicationId, detail: { policyId: request.params.id } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/portal/policy-applications',
    { config: { access: 'enterprise' }, schema: { tags: ['portal'], summary: '本企业的政策申报及办理进度', response: { 200: z.array(policyApplication) } } },
    (request) => ownPolicyApplications(db, enterpriseOf(request).uscc),
  );
};

function parseAnswers(raw: string): Record<string, string> {
  return Object.fromEntries(raw ? raw.split(',').map((pair) => pair.split(':') as [string, string]) : []);
}
