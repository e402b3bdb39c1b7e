import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { ownReferral, portalReferralInput, publicQuery, publicScenario, ratingInput } from './contract.ts';
import { ownReferrals, rate, referOwn } from './referrals.ts';
import { publicScenario as getPublicScenario, publicScenarios } from './scenarios.ts';

function enterpriseOf(request: FastifyRequest) {
  const p = request.principal;
  if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
  return p;
}

/** The portal's side of 一类事 (6.3.6): published scenarios for anyone; 我要对接, its follow-up and the rating for the enterprise signed in. */
export const scenarioPortalRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['portal'];
  app.get(
    '/api/public/scenarios',
    { config: { access: 'public' }, schema: { tags, summary: '一类事场景：政务服务事项与专业服务机构', querystring: publicQuery, response: { 200: z.array(publicScenario) } } },
    (request) => publicScenarios(deps.db, request.query.centerId),
  );
  app.get(
    '/api/public/scenarios/:id',
    { config: { access: 'public' }, schema: { tags, summary: '一类事场景详情', params: idParam, response: { 200: publicScenario } } },
    (request) => getPublicScenario(deps.db, request.params.id),
  );
  app.get(
    '/api/portal/scenario-referrals',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业的对接记录、结果与评价', response: { 200: z.array(ownReferral) } } },
    (request) => ownReferrals(deps, enterpriseOf(request)),
  );
  app.post(
    '/api/portal/scenario-referrals',
    { config: { access: 'enterprise', audit: 'scenario.refer_own' }, schema: { tags, summary: '我要对接：向已审核的专业服务机构提出服务需求', body: portalReferralInput, response: { 201: ownReferral } } },
    async (request, reply) => {
      const created = await referOwn(deps, enterpriseOf(request), request.body);
      request.auditObject = { type: 'scenario_referral', id: created.id, detail: { providerId: created.providerId } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/portal/scenario-referrals/:id/rating',
    { config: { access: 'enterprise', audit: 'scenario.rate' }, schema: { tags, summary: '评价服务机构：1–5 分和意见（已服务后，每次对接一次）', params: idParam, body: ratingInput, response: { 200: ownReferral } } },
    (request) => {
      request.auditObject = { type: 'scenario_referral', id: request.params.id, detail: { rating: request.body.rating } };
      return rate(deps, enterpriseOf(request), request.params.id, request.body);
    },
  );
};
