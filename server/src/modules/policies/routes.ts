import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../platform/auth/plugin.ts';
import { idParam, version } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import {
  bulkVerifyInput,
  disbursementInput,
  explanation,
  grant,
  grantPage,
  grantQuery,
  matchPage,
  pageQuery,
  policy,
  policyInput,
  policyListQuery,
  policyPage,
  policyApplication,
  policyOptions,
  policyPatch,
  previewInput,
  previewResult,
  pushFigures,
  verifyInput,
} from './contract.ts';
import { PolicyRuntime } from './runtime.ts';
import { applicationsOfPolicy } from './apply/service.ts';
import { policyPortalRoutes } from './portal-routes.ts';
import { policyOptions as policyOptionsOf } from './references.ts';
import * as grants from './grants/service.ts';
import * as policies from './service.ts';

const usccParam = z.strictObject({ id: z.uuid('编号格式不正确'), uscc: z.string().trim().toUpperCase().min(1).max(18) });


/** Clause 6.2.2: the policy library for policy officers, grant verification for departments, the portal's side. */
export const policyRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const { db, config, database } = deps;
  const runtime = new PolicyRuntime(db, config, policies.persistChanges({ db, config }), undefined, (err) => app.log.error({ err }, 'policy re-match failed'));
  await runtime.listen(database);
  app.addHook('onClose', () => runtime.close());
  const ctx = { db, config, runtime };
  const tags = ['policies'];

  app.get(
    '/api/policies',
    { config: { access: 'policy.read' }, schema: { tags, summary: '政策库', querystring: policyListQuery, response: { 200: policyPage } } },
    (request) => policies.listPolicies(db, request.query),
  );
  app.post(
    '/api/policies',
    { config: { access: 'policy.manage', audit: 'policy.create' }, schema: { tags, summary: '新建政策（草稿）', body: policyInput, response: { 201: policy } } },
    async (request, reply) => {
      const created = await policies.createPolicy(ctx, staffOf(request), request.body);
      request.auditObject = { type: 'policy', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/policies/preview',
    { config: { access: 'policy.read' }, schema: { tags, summary: '按规则实时统计本辖区符合条件的企业', body: previewInput, response: { 200: previewResult } } },
    (request) => policies.preview(ctx, staffOf(request), request.body.rule),
  );
  app.get(
    '/api/policies/options',
    { config: { access: 'policy.read' }, schema: { tags, summary: '政策可选的承办部门和兑现事项（本中心）', response: { 200: policyOptions } } },
    (request) => policyOptionsOf(db, staffOf(request)),
  );
  app.get(
    '/api/policies/:id',
    { config: { access: 'policy.read' }, schema: { tags, summary: '政策详情', params: idParam, response: { 200: policy } } },
    (request) => policies.getPolicy(db, request.params.id),
  );
  app.patch(
    '/api/policies/:id',
    { config: { access: 'policy.manage', audit: 'policy.update' }, schema: { tags, summary: '修改政策（已发布的政策修改后即重新匹配）', params: idParam, body: policyPatch, response: { 200: policy } } },
    (request) => {
      request.auditObject = { type: 'policy', id: request.params.id };
      return policies.updatePolicy(ctx, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/policies/:id/publish',
    { config: { access: 'policy.manage', audit: 'policy.publish' }, schema: { tags, summary: '发布政策：匹配企业、推送、免申即享生成发放记录', params: idParam, response: { 200: policy } } },
    (request) => {
      request.auditObject = { type: 'policy', id: request.params.id };
      return policies.publishPolicy(ctx, staffOf(request), request.params.id);
    },
  );
  app.post(
    '/api/policies/:id/withdraw',
    { config: { access: 'policy.manage', audit: 'policy.withdraw' }, schema: { tags, summary: '撤回政策', params: idParam, body: z.strictObject({ version }), response: { 200: policy } } },
    (request) => {
      request.auditObject = { type: 'policy', id: request.params.id };
      return policies.withdrawPolicy(ctx, request.params.id, request.body.version);
    },
  );
  app.get(
    '/api/policies/:id/matches',
    { config: { access: 'policy.read' }, schema: { tags, summary: '符合政策的企业', params: idParam, querystring: pageQuery, response: { 200: matchPage } } },
    (request) => policies.listMatches(ctx, request.params.id, request.query.page, request.query.pageSize),
  );
  app.get(
    '/api/policies/:id/explain/:uscc',
    { config: { access: 'policy.read' }, schema: { tags, summary: '逐条说明企业是否满足政策条件及看到的值', params: usccParam, response: { 200: explanation } } },
    (request) => policies.explain(db, request.params.id, request.params.uscc),
  );
  app.get(
    '/api/policies/:id/figures',
    { config: { access: 'policy.read' }, schema: { tags, summary: '推送情况：匹配、已推送、已读、已发放、退订', params: idParam, response: { 200: pushFigures } } },
    (request) => policies.figures(db, request.params.id),
  );
  app.post(
    '/api/policies/:id/push/:uscc',
    { config: { access: 'policy.manage', audit: 'policy.push' }, schema: { tags, summary: '向一家符合条件的企业推送', params: usccParam, response: { 200: z.object({ pushed: z.boolean() }) } } },
    (request) => {
      request.auditObject = { type: 'policy', id: request.params.id, detail: { uscc: request.params.uscc } };
      return policies.pushToEnterprise(ctx, request.params.id, request.params.uscc);
    },
  );

  app.get(
    '/api/policies/:id/applications',
    { config: { access: 'policy.read' }, schema: { tags, summary: '企业网上申报该政策的办件及其进度', params: idParam, response: { 200: z.array(policyApplication) } } },
    (request) => applicationsOfPolicy(db, request.params.id),
  );

  app.get(
    '/api/policy-grants',
    { config: { access: 'policy.read' }, schema: { tags, summary: '免申即享发放记录', querystring: grantQuery, response: { 200: grantPage } } },
    (request) => grants.listGrants(db, staffOf(request), request.query),
  );
  app.post(
    '/api/policy-grants/:id/verify',
    { config: { access: 'policy.verify', audit: 'policy_grant.verify' }, schema: { tags, summary: '核定一笔发放（通过或驳回）', params: idParam, body: verifyInput, response: { 200: grant } } },
    async (request) => {
      request.auditObject = { type: 'policy_grant', id: request.params.id, detail: request.body };
      const [done] = await grants.verifyGrants(ctx, staffOf(request), [request.params.id], request.body.decision, request.body.reason);
      return done!;
    },
  );
  app.post(
    '/api/policy-grants/verify',
    { config: { access: 'policy.verify', audit: 'policy_grant.verify_bulk' }, schema: { tags, summary: '批量核定发放', body: bulkVerifyInput, response: { 200: z.array(grant) } } },
    (request) => {
      request.auditObject = { type: 'policy_grant', id: request.body.ids.join(',').slice(0, 200), detail: { decision: request.body.decision, count: request.body.ids.length } };
      return grants.verifyGrants(ctx, staffOf(request), request.body.ids, request.body.decision, request.body.reason);
    },
  );
  app.post(
    '/api/policy-grants/:id/disbursement',
    { config: { access: 'policy.verify', audit: 'policy_grant.disburse' }, schema: { tags, summary: '登记拨付状态', params: idParam, body: disbursementInput, response: { 200: grant } } },
    (request) => {
      request.auditObject = { type: 'policy_grant', id: request.params.id, detail: request.body };
      return grants.setDisbursement(ctx, staffOf(request), request.params.id, request.body.disbursement);
    },
  );

  await app.register(policyPortalRoutes, deps);
};
