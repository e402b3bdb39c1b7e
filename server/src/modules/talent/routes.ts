import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../platform/files/http.ts';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { documentUploaded, profileDto, profileInput, profileQuery, requestDetail, requestDto, requestInput, requestQuery, stepBody, talentFigures, talentToday, versionBody } from './contract.ts';
import { figuresOf, getRequest, listRequests, openRequest, takeStep, todayOf } from './ledger.ts';
import { createProfile, DOCUMENT_POLICY, getProfile, listProfiles, openDocument, storeDocument, verifyProfile } from './profiles.ts';

/** 企业人才服务 (6.2.3): talent profiles with their certifying documents, the talent service ledger, its figures. */
export const talentRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['talent'];
  const manage = 'talent.manage';

  app.post(
    '/api/talent/documents',
    {
      config: { access: manage, audit: 'talent.document_upload' },
      schema: { tags, summary: '上传人才认定证明（PDF、JPG、PNG，10 MB 以内），得到文件编号', consumes: ['multipart/form-data'], response: { 201: documentUploaded } },
    },
    async (request, reply) => {
      const stored = await storeDocument(deps.db, staffOf(request), await receiveFile(request, DOCUMENT_POLICY));
      request.auditObject = { type: 'file', id: stored.id };
      return reply.status(201).send(stored);
    },
  );
  app.get(
    '/api/talent/profiles',
    { config: { access: manage }, schema: { tags, summary: '人才档案（本中心）：按类别、核验状态、姓名查找', querystring: profileQuery, response: { 200: z.array(profileDto) } } },
    (request) => listProfiles(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/talent/profiles',
    { config: { access: manage, audit: 'talent.profile_create' }, schema: { tags, summary: '登记人才档案：人员（身份证号码加密保存）、工作单位、人才类别、认定证明及有效期', body: profileInput, response: { 201: profileDto } } },
    async (request, reply) => {
      const created = await createProfile(deps, staffOf(request), request.body);
      request.auditObject = { type: 'talent_profile', id: created.id, detail: { category: created.category } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/talent/profiles/:id',
    { config: { access: manage }, schema: { tags, summary: '人才档案详情', params: idParam, response: { 200: profileDto } } },
    (request) => getProfile(deps, staffOf(request), request.params.id),
  );
  app.get(
    '/api/talent/profiles/:id/document',
    { config: { access: manage }, schema: { tags, summary: '下载人才认定证明', params: idParam } },
    async (request, reply) => sendFile(reply, await openDocument(deps, staffOf(request), request.params.id), { disposition: 'attachment', cacheControl: 'private, no-cache' }),
  );
  app.post(
    '/api/talent/profiles/:id/verify',
    { config: { access: manage, audit: 'talent.profile_verify' }, schema: { tags, summary: '核验人才档案（认定证明须在有效期内）', params: idParam, body: versionBody, response: { 200: profileDto } } },
    (request) => {
      request.auditObject = { type: 'talent_profile', id: request.params.id };
      return verifyProfile(deps, staffOf(request), request.params.id, request.body.version);
    },
  );

  app.get(
    '/api/talent/requests',
    { config: { access: manage }, schema: { tags, summary: '人才服务台账（本中心）：按状态、服务类型、人才、是否逾期', querystring: requestQuery, response: { 200: z.array(requestDto) } } },
    (request) => listRequests(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/talent/requests',
    { config: { access: manage, audit: 'talent.request_open' }, schema: { tags, summary: '登记人才服务事项（住房补贴、子女入学、落户等），按类型计算办理期限（工作日）', body: requestInput, response: { 201: requestDetail } } },
    async (request, reply) => {
      const created = await openRequest(deps, staffOf(request), request.body);
      request.auditObject = { type: 'talent_request', id: created.id, detail: { kind: created.kind } };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/talent/requests/:id',
    { config: { access: manage }, schema: { tags, summary: '人才服务事项详情及办理记录', params: idParam, response: { 200: requestDetail } } },
    (request) => getRequest(deps, staffOf(request), request.params.id),
  );
  app.post(
    '/api/talent/requests/:id/steps',
    {
      config: { access: manage, audit: 'talent.request_step' },
      schema: { tags, summary: '办理一步：受理、协调部门、办结、不予办理或记录进展（按顺序）', params: idParam, body: stepBody, response: { 200: requestDetail } },
    },
    (request) => {
      request.auditObject = { type: 'talent_request', id: request.params.id, detail: { action: request.body.action } };
      return takeStep(deps, staffOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/talent/today',
    { config: { access: manage }, schema: { tags, summary: '人才服务：今日登记、在办、两个工作日内到期及逾期的事项', response: { 200: talentToday } } },
    (request) => todayOf(deps, staffOf(request)),
  );
  app.get(
    '/api/talent/figures',
    { config: { access: 'talent.figures' }, schema: { tags, summary: '人才服务统计：各类人才档案、各类型各状态事项、平均办结工作日、逾期', response: { 200: talentFigures } } },
    (request) => figuresOf(deps, staffOf(request)),
  );
};
