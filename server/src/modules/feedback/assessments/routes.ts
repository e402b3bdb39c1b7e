import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../../platform/files/http.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { findingInput, findingParams, raiseImprovementInput, reportDetail, reportInput, reportListQuery, reportSummary, reportUpdate, uploadedFile } from './contract.ts';
import { addFinding, createReport, getReport, listReports, openReportFile, raiseImprovement, REPORT_FILE_POLICY, storeReportFile, updateReport } from './service.ts';

/** 自我评价 and 第三方评估 (9.1.1): reports, their files and findings; a finding raises an improvement (9.4). */
export const assessmentRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  const read = 'assessment.read';
  const manage = 'assessment.manage';

  app.get(
    '/api/assessments',
    { config: { access: read }, schema: { tags, summary: '自我评价和第三方评估报告列表', querystring: reportListQuery, response: { 200: z.array(reportSummary) } } },
    (request) => listReports(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/assessment-files',
    {
      config: { access: manage, audit: 'assessment.file' },
      schema: { tags, summary: '上传评价报告文件（PDF、Word、Excel、JPG、PNG，20 MB 以内），得到文件编号', consumes: ['multipart/form-data'], response: { 201: uploadedFile } },
    },
    async (request, reply) => {
      const stored = await storeReportFile(deps.db, staffOf(request), await receiveFile(request, REPORT_FILE_POLICY));
      request.auditObject = { type: 'file', id: stored.id };
      return reply.status(201).send(stored);
    },
  );
  app.post(
    '/api/assessments',
    { config: { access: manage, audit: 'assessment.create' }, schema: { tags, summary: '登记评价报告（自我评价或第三方评估）及评价发现', body: reportInput, response: { 201: reportDetail } } },
    async (request, reply) => {
      const created = await createReport(deps, staffOf(request), request.body);
      request.auditObject = { type: 'assessment_report', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/assessments/:id',
    { config: { access: read }, schema: { tags, summary: '评价报告详情：摘要、文件、评价发现及其改进事项', params: idParam, response: { 200: reportDetail } } },
    (request) => getReport(deps, staffOf(request), request.params.id),
  );
  app.put(
    '/api/assessments/:id',
    { config: { access: manage, audit: 'assessment.update' }, schema: { tags, summary: '修改评价报告（标题、期间、评估机构、摘要、文件）', params: idParam, body: reportUpdate, response: { 200: reportDetail } } },
    (request) => {
      request.auditObject = { type: 'assessment_report', id: request.params.id };
      return updateReport(deps, staffOf(request), request.params.id, request.body);
    },
  );
  app.get(
    '/api/assessments/:id/file',
    { config: { access: read }, schema: { tags, summary: '下载评价报告文件', params: idParam } },
    async (request, reply) => sendFile(reply, await openReportFile(deps, staffOf(request), request.params.id), { disposition: 'attachment', cacheControl: 'private, no-cache' }),
  );
  app.post(
    '/api/assessments/:id/findings',
    { config: { access: manage, audit: 'assessment.finding' }, schema: { tags, summary: '补充评价发现', params: idParam, body: findingInput, response: { 200: reportDetail } } },
    (request) => {
      request.auditObject = { type: 'assessment_report', id: request.params.id };
      return addFinding(deps, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/assessments/:id/findings/:findingId/improvement',
    {
      config: { access: 'improvement.manage', audit: 'assessment.improvement' },
      schema: { tags, summary: '由评价发现提出改进事项（来源为自我评价或第三方评估；每条发现一项）', params: findingParams, body: raiseImprovementInput, response: { 200: reportDetail } },
    },
    (request) => {
      request.auditObject = { type: 'assessment_report', id: request.params.id, detail: { findingId: request.params.findingId } };
      return raiseImprovement(deps, staffOf(request), { id: request.params.id, findingId: request.params.findingId, ...request.body });
    },
  );
};
