import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../platform/auth/plugin.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { outcomeInput, providerDecision, providerDto, providerInput, providerQuery, referralDto, referralQuery, scenarioDto, scenarioInput, scenarioUpdate, staffReferralInput } from './contract.ts';
import { scenarioPortalRoutes } from './portal-routes.ts';
import { decideProvider, getProvider, listProviders, registerProvider } from './providers.ts';
import { getReferral, listReferrals, recordOutcome, referFor } from './referrals.ts';
import { createScenario, getScenario, listScenarios, updateScenario } from './scenarios.ts';

/** 一类事 (6.3.6), the center's side: providers and their approval, scenarios, referrals and their outcomes. */
export const scenarioRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['scenarios'];
  const manage = 'scenario.manage';

  app.get(
    '/api/scenario-providers',
    { config: { access: manage }, schema: { tags, summary: '专业服务机构（本中心）及其对接、服务、评价统计', querystring: providerQuery, response: { 200: z.array(providerDto) } } },
    (request) => listProviders(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/scenario-providers',
    { config: { access: manage, audit: 'scenario.provider_register' }, schema: { tags, summary: '登记专业服务机构（法律、财务金融、知识产权、人力资源等），待中心负责人审核', body: providerInput, response: { 201: providerDto } } },
    async (request, reply) => {
      const created = await registerProvider(deps, staffOf(request), request.body);
      request.auditObject = { type: 'scenario_provider', id: created.id, detail: { kind: created.kind } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/scenario-providers/:id',
    { config: { access: manage }, schema: { tags, summary: '专业服务机构详情', params: idParam, response: { 200: providerDto } } },
    (request) => getProvider(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/scenario-providers/:id/decision',
    { config: { access: 'scenario.approve', audit: 'scenario.provider_decide' }, schema: { tags, summary: '审核专业服务机构：通过、驳回或停用', params: idParam, body: providerDecision, response: { 200: providerDto } } },
    (request) => {
      request.auditObject = { type: 'scenario_provider', id: request.params.id, detail: { decision: request.body.decision } };
      return decideProvider(deps, staffOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/scenarios',
    { config: { access: manage }, schema: { tags, summary: '一类事场景（本中心）', response: { 200: z.array(scenarioDto) } } },
    (request) => listScenarios(deps, staffOf(request)),
  );
  app.post(
    '/api/scenarios',
    { config: { access: manage, audit: 'scenario.create' }, schema: { tags, summary: '新建一类事场景：政务服务事项、专业服务类别及已审核的服务机构', body: scenarioInput, response: { 201: scenarioDto } } },
    async (request, reply) => {
      const created = await createScenario(deps, staffOf(request), request.body);
      request.auditObject = { type: 'scenario', id: created.id, detail: { published: created.published } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/scenarios/:id',
    { config: { access: manage }, schema: { tags, summary: '一类事场景详情', params: idParam, response: { 200: scenarioDto } } },
    (request) => getScenario(deps, staffOf(request), request.params.id),
  );
  app.put(
    '/api/scenarios/:id',
    { config: { access: manage, audit: 'scenario.update' }, schema: { tags, summary: '修改一类事场景（含发布、撤下）', params: idParam, body: scenarioUpdate, response: { 200: scenarioDto } } },
    (request) => {
      request.auditObject = { type: 'scenario', id: request.params.id, detail: { published: request.body.published } };
      return updateScenario(deps, staffOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/scenario-referrals',
    { config: { access: manage }, schema: { tags, summary: '对接记录（本中心）：按结果、服务机构', querystring: referralQuery, response: { 200: z.array(referralDto) } } },
    (request) => listReferrals(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/scenario-referrals',
    { config: { access: manage, audit: 'scenario.refer' }, schema: { tags, summary: '代企业登记对接：企业（统一社会信用代码）、已审核的服务机构、需求', body: staffReferralInput, response: { 201: referralDto } } },
    async (request, reply) => {
      const created = await referFor(deps, staffOf(request), request.body);
      request.auditObject = { type: 'scenario_referral', id: created.id, detail: { providerId: created.providerId } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/scenario-referrals/:id',
    { config: { access: manage }, schema: { tags, summary: '对接记录详情', params: idParam, response: { 200: referralDto } } },
    (request) => getReferral(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/scenario-referrals/:id/outcome',
    { config: { access: manage, audit: 'scenario.referral_outcome' }, schema: { tags, summary: '记录对接结果：已服务或未达成（工作人员核实或服务机构联系人反馈）', params: idParam, body: outcomeInput, response: { 200: referralDto } } },
    (request) => {
      request.auditObject = { type: 'scenario_referral', id: request.params.id, detail: { outcome: request.body.outcome } };
      return recordOutcome(deps, staffOf(request), request.params.id, request.body);
    },
  );
  await app.register(scenarioPortalRoutes, deps);
};
