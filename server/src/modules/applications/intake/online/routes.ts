import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staffOf } from '../../../../platform/auth/plugin.ts';
import { AppError } from '../../../../platform/errors.ts';
import { idParam } from '../../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../../platform/http/module-deps.ts';
import { findEnterpriseByUscc } from '../../../enterprises/service.ts';
import type { OnlineApplicant } from '../online.ts';
import { draftCreateBody, draftUpdateBody, formQuery, itemCodeParam, onlineDraftDto, onlineForm, onlineReviewEntry, submitBody, submitted } from './contract.ts';
import { createDraft, deleteDraft, getDraft, listDrafts, onlineFormFor, onlineReviewQueue, parseAnswers, submitOnline, updateDraft } from './service.ts';

/** 一网通办: the enterprise's form, drafts and submission on the portal; the online review center's list for the clerks. */
export const onlineApplyingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['portal'];
  const applicantOf = async (request: FastifyRequest): Promise<OnlineApplicant> => {
    const p = request.principal;
    if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
    const enterprise = await findEnterpriseByUscc(deps.db, p.uscc);
    if (!enterprise) throw new AppError('NOT_FOUND', '企业库中没有贵企业的登记信息，请到窗口办理');
    return { enterpriseId: enterprise.id, uscc: enterprise.uscc, name: enterprise.name };
  };

  app.get(
    '/api/portal/online/items/:code/form',
    { config: { access: 'enterprise' }, schema: { tags, summary: '网上申办：事项的申报表（按情形回答的材料清单，企业信息和电子证照预填，已存的草稿）', params: itemCodeParam, querystring: formQuery, response: { 200: onlineForm } } },
    async (request) => onlineFormFor(deps, await applicantOf(request), 'item', request.params.code, { centerId: request.query.centerId, answers: parseAnswers(request.query.answers) }),
  );
  app.get(
    '/api/portal/online/bundles/:code/form',
    { config: { access: 'enterprise' }, schema: { tags, summary: '网上申办：一件事的申报表（合并的情形问题和材料清单，企业信息和电子证照预填，已存的草稿）', params: itemCodeParam, querystring: formQuery, response: { 200: onlineForm } } },
    async (request) => onlineFormFor(deps, await applicantOf(request), 'bundle', request.params.code, { centerId: request.query.centerId, answers: parseAnswers(request.query.answers) }),
  );
  app.get(
    '/api/portal/online/drafts',
    { config: { access: 'enterprise' }, schema: { tags, summary: '网上申办：本企业的草稿', response: { 200: z.array(onlineDraftDto) } } },
    async (request) => listDrafts(deps, await applicantOf(request)),
  );
  app.post(
    '/api/portal/online/drafts',
    { config: { access: 'enterprise', audit: 'application.save_draft' }, schema: { tags, summary: '网上申办：保存草稿（每个事项一份）', body: draftCreateBody, response: { 201: onlineDraftDto } } },
    async (request, reply) => {
      const draft = await createDraft(deps, await applicantOf(request), request.body);
      request.auditObject = { type: 'online_draft', id: draft.id, detail: { kind: draft.kind, itemCode: draft.itemCode } };
      return reply.status(201).send(draft);
    },
  );
  app.put(
    '/api/portal/online/drafts/:id',
    { config: { access: 'enterprise', audit: 'application.save_draft' }, schema: { tags, summary: '网上申办：再次保存草稿', params: idParam, body: draftUpdateBody, response: { 200: onlineDraftDto } } },
    async (request) => {
      request.auditObject = { type: 'online_draft', id: request.params.id };
      return updateDraft(deps, await applicantOf(request), request.params.id, request.body);
    },
  );
  app.get(
    '/api/portal/online/drafts/:id',
    { config: { access: 'enterprise' }, schema: { tags, summary: '网上申办：一份草稿', params: idParam, response: { 200: onlineDraftDto } } },
    async (request) => getDraft(deps, await applicantOf(request), request.params.id),
  );
  app.delete(
    '/api/portal/online/drafts/:id',
    { config: { access: 'enterprise', audit: 'application.delete_draft' }, schema: { tags, summary: '网上申办：删除草稿', params: idParam } },
    async (request, reply) => {
      request.auditObject = { type: 'online_draft', id: request.params.id };
      await deleteDraft(deps, await applicantOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/portal/online/applications',
    { config: { access: 'enterprise', audit: 'application.apply_online' }, schema: { tags, summary: '网上申办：提交申请（进入网上审核中心的收件预审）', body: submitBody, response: { 201: submitted } } },
    async (request, reply) => {
      const created = await submitOnline(deps, await applicantOf(request), request.body);
      request.auditObject = { type: 'application', id: created.id, detail: { kind: request.body.kind, itemCode: request.body.itemCode } };
      return reply.status(201).send({ applicationId: created.id, number: created.number });
    },
  );

  app.get(
    '/api/applications/online-review',
    { config: { access: 'application.intake' }, schema: { tags: ['applications'], summary: '网上审核中心：待预审和待补正的网上申报办件', response: { 200: z.array(onlineReviewEntry) } } },
    async (request) => onlineReviewQueue(deps, staffOf(request)),
  );
};
