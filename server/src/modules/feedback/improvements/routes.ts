import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { improvementDto, improvementInput, improvementQuery, publicImprovement, recheckBody, submitBody } from './contract.ts';
import { createImprovement, getImprovement, listImprovements, listPublicImprovements, recheckImprovement, submitImprovement } from './service.ts';

/** 改进 (9.4): improvements, the owner's result, the re-check, the public list. */
export const improvementRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  app.get(
    '/api/public/improvements',
    { config: { access: 'public' }, schema: { tags, summary: '改进公示（门户、自助终端；不含个人信息）', querystring: z.strictObject({ centerId: z.uuid().optional() }), response: { 200: z.array(publicImprovement) } } },
    (request) => listPublicImprovements(deps, request.query.centerId),
  );
  app.get(
    '/api/improvements',
    { config: { access: 'authenticated' }, schema: { tags, summary: '改进事项（管理人员看全部，责任人看本人的）', querystring: improvementQuery, response: { 200: z.array(improvementDto) } } },
    (request) => listImprovements(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/improvements',
    { config: { access: 'improvement.manage', audit: 'improvement.create' }, schema: { tags, summary: '登记改进事项（来源、目标、措施、责任人、期限）', body: improvementInput, response: { 201: improvementDto } } },
    async (request, reply) => {
      const created = await createImprovement(deps, staffOf(request), request.body);
      request.auditObject = { type: 'improvement', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/improvements/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: '改进事项详情与复查记录', params: idParam, response: { 200: improvementDto } } },
    (request) => getImprovement(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/improvements/:id/submission',
    { config: { access: 'authenticated', audit: 'improvement.submit' }, schema: { tags, summary: '责任人提交改进结果，等待复查', params: idParam, body: submitBody, response: { 200: improvementDto } } },
    (request) => {
      request.auditObject = { type: 'improvement', id: request.params.id };
      return submitImprovement(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  app.post(
    '/api/improvements/:id/recheck',
    { config: { access: 'improvement.recheck', audit: 'improvement.recheck' }, schema: { tags, summary: '复查（责任人以外的人员）：通过或退回', params: idParam, body: recheckBody, response: { 200: improvementDto } } },
    (request) => {
      request.auditObject = { type: 'improvement', id: request.params.id };
      return recheckImprovement(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
};
