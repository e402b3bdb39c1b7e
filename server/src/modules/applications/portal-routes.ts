import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { receiveFile } from '../../platform/files/http.ts';
import { AppError } from '../../platform/errors.ts';
import { idParam } from '../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import { materialParams, noticeParams, ownApplicationList, ownMaterialBody, ownProgressDto, uploadedFile } from './contract.ts';
import { MATERIAL_POLICY } from './intake/service.ts';
import { storeApplicantUpload, supplyOwnMaterial, type OnlineApplicant } from './intake/online.ts';
import { getOwnProgress } from './progress/service.ts';
import { listOwnApplications, ownNoticePdf } from './progress/own.ts';
import { sendNoticePdf } from './notices/http.ts';

/** The enterprise signed in on the portal: its uploads for online applications, and its own applications' progress. */
export const portalApplicationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['portal'];
  const applicantOf = async (request: FastifyRequest): Promise<OnlineApplicant> => {
    const p = request.principal;
    if (p?.type !== 'enterprise') throw new AppError('FORBIDDEN', '请使用企业账户登录');
    const enterprise = await findEnterpriseByUscc(deps.db, p.uscc);
    if (!enterprise) throw new AppError('NOT_FOUND', '企业库中没有贵企业的登记信息，请到窗口办理');
    return { enterpriseId: enterprise.id, uscc: enterprise.uscc, name: enterprise.name };
  };

  app.post(
    '/api/portal/application-uploads',
    {
      config: { access: 'enterprise', audit: 'application.applicant_upload' },
      schema: { tags, summary: '网上申报：上传一份申请材料（PDF、JPG、PNG，10 MB 以内），得到文件编号', consumes: ['multipart/form-data'], response: { 201: uploadedFile } },
    },
    async (request, reply) => {
      const applicant = await applicantOf(request);
      const file = await receiveFile(request, MATERIAL_POLICY);
      const stored = await storeApplicantUpload(deps, applicant, file);
      request.auditObject = { type: 'file', id: stored.id };
      return reply.status(201).send(stored);
    },
  );
  app.get(
    '/api/portal/applications',
    { config: { access: 'enterprise' }, schema: { tags, summary: '我的办件：本企业的办件、状态、办结期限、告知书和待领取结果的取件码', response: { 200: ownApplicationList } } },
    async (request) => listOwnApplications(deps.db, (await applicantOf(request)).uscc),
  );
  app.get(
    '/api/portal/applications/:id/notices/:noticeId/pdf',
    { config: { access: 'enterprise' }, schema: { tags, summary: '下载本企业办件的告知书（PDF）', params: noticeParams } },
    async (request, reply) => sendNoticePdf(reply, await ownNoticePdf(deps.db, (await applicantOf(request)).uscc, request.params.id, request.params.noticeId)),
  );
  app.get(
    '/api/portal/applications/:id/progress',
    { config: { access: 'enterprise' }, schema: { tags, summary: '本企业办件的进度和材料', params: idParam, response: { 200: ownProgressDto } } },
    async (request) => getOwnProgress(deps.db, (await applicantOf(request)).uscc, request.params.id),
  );
  app.put(
    '/api/portal/applications/:id/materials/:key',
    { config: { access: 'enterprise', audit: 'application.applicant_supply' }, schema: { tags, summary: '网上补交一份仍欠缺（未提交、需补正或容缺）的材料', params: materialParams, body: ownMaterialBody, response: { 200: ownProgressDto } } },
    async (request) => {
      const applicant = await applicantOf(request);
      request.auditObject = { type: 'application', id: request.params.id, detail: { key: request.params.key } };
      await supplyOwnMaterial(deps, applicant, { applicationId: request.params.id, key: request.params.key, fileId: request.body.fileId });
      return getOwnProgress(deps.db, applicant.uscc, request.params.id);
    },
  );
};
