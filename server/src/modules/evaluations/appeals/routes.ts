import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../../platform/files/http.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { appealBody, appealDto, appealEvidenceParams, appealListQuery, appealRating, decideBody } from './contract.ts';
import { addAppealEvidence, appealEvidenceFile, appealRating as appeal, decideAppeal, getAppeal, listAppealableRatings, listAppeals, APPEAL_EVIDENCE_POLICY } from './service.ts';

/** Evaluations — appeals against a review and their decision (申诉复核). */
export const appealRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['evaluations'];

  app.get(
    '/api/evaluations/appeals/appealable',
    { config: { access: 'evaluation.appeal' }, schema: { tags, summary: '可申诉的差评（本部门、本窗口或本人，近 90 天，未申诉过）', response: { 200: z.array(appealRating) } } },
    (request) => listAppealableRatings(deps, staffOf(request)),
  );
  app.get(
    '/api/evaluations/appeals/mine',
    { config: { access: 'evaluation.appeal' }, schema: { tags, summary: '我提出的申诉', response: { 200: z.array(appealDto) } } },
    (request) => listAppeals(deps, staffOf(request), { mine: true }),
  );
  app.get(
    '/api/evaluations/appeals',
    { config: { access: 'evaluation.decide_appeal' }, schema: { tags, summary: '申诉复核列表（本中心）', querystring: appealListQuery, response: { 200: z.array(appealDto) } } },
    (request) => listAppeals(deps, staffOf(request), { state: request.query.state, mine: false }),
  );
  app.get(
    '/api/evaluations/appeals/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: '申诉详情（申诉人或复核人）', params: idParam, response: { 200: appealDto } } },
    (request) => getAppeal(deps, staffOf(request), request.params.id),
  );
  app.get(
    '/api/evaluations/appeals/:id/evidence/:fileId',
    { config: { access: 'authenticated' }, schema: { tags, summary: '查看申诉佐证材料', params: appealEvidenceParams } },
    async (request, reply) => {
      const file = await appealEvidenceFile(deps, staffOf(request), request.params.id, request.params.fileId);
      return sendFile(reply, file, { disposition: 'inline', asciiName: 'evidence', cacheControl: 'private, no-store' });
    },
  );

  app.post(
    '/api/evaluations/appeals',
    { config: { access: 'evaluation.appeal', audit: 'evaluation.appeal' }, schema: { tags, summary: '对差评提出申诉（误评或恶意差评）', body: appealBody, response: { 201: appealDto } } },
    async (request, reply) => {
      const created = await appeal(deps, staffOf(request), request.body);
      request.auditObject = { type: 'appeal', id: created.id, detail: { ratingId: created.ratingId, reason: created.reason } };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/evaluations/appeals/:id/evidence',
    {
      config: { access: 'evaluation.appeal', audit: 'evaluation.appeal_evidence' },
      schema: { tags, summary: '上传申诉佐证（PDF、JPG、PNG，按内容识别，10 MB 以内）', params: idParam, consumes: ['multipart/form-data'], response: { 200: appealDto } },
    },
    async (request) => {
      const { filename, content } = await receiveFile(request, APPEAL_EVIDENCE_POLICY);
      request.auditObject = { type: 'appeal', id: request.params.id, detail: { bytes: content.length } };
      return addAppealEvidence(deps, staffOf(request), { id: request.params.id, filename, content });
    },
  );
  app.post(
    '/api/evaluations/appeals/:id/decide',
    { config: { access: 'evaluation.decide_appeal', audit: 'evaluation.decide_appeal' }, schema: { tags, summary: '复核申诉（成立：评价不计入统计，不删除）', params: idParam, body: decideBody, response: { 200: appealDto } } },
    async (request) => {
      request.auditObject = { type: 'appeal', id: request.params.id, detail: { decision: request.body.decision } };
      return decideAppeal(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
};
