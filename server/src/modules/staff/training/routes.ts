import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import {
  certificateDto,
  certificateInput,
  certificateQuery,
  conductDto,
  conductInput,
  conductQuery,
  conductSummary,
  courseDetail,
  courseInput,
  courseSummary,
  examInput,
  expiringQuery,
  ruleDto,
  ruleInput,
  sessionInput,
} from './contract.ts';
import * as conduct from './conduct.ts';
import * as training from './service.ts';

/** 人员培训与上岗资格 (5.2): courses, sessions, exams, certificates, rules, conduct records. */
export const trainingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['training'];
  const read = { access: 'training.read' as const };
  const manage = (audit: string) => ({ access: 'training.manage' as const, audit });

  app.get('/api/training/courses', { config: read, schema: { tags, summary: '培训课程', response: { 200: z.array(courseSummary) } } }, (request) =>
    training.listCourses(db, staffOf(request)),
  );
  app.post(
    '/api/training/courses',
    { config: manage('training.course_create'), schema: { tags, summary: '新建培训课程（业务知识、政策法规、服务礼仪…）', body: courseInput, response: { 201: courseDetail } } },
    async (request, reply) => {
      const created = await training.createCourse(db, staffOf(request), request.body);
      request.auditObject = { type: 'training_course', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.get('/api/training/courses/:id', { config: read, schema: { tags, summary: '培训课程：培训场次、签到与考试成绩', params: idParam, response: { 200: courseDetail } } }, (request) =>
    training.getCourse(db, staffOf(request), request.params.id),
  );
  app.post(
    '/api/training/courses/:id/sessions',
    { config: manage('training.session_record'), schema: { tags, summary: '登记培训场次及参训人员', params: idParam, body: sessionInput, response: { 200: courseDetail } } },
    (request) => {
      request.auditObject = { type: 'training_course', id: request.params.id, detail: { heldOn: request.body.heldOn, attendees: request.body.staffIds.length } };
      return training.recordSession(db, staffOf(request), request.params.id, request.body);
    },
  );
  app.post(
    '/api/training/courses/:id/exams',
    { config: manage('training.exam_record'), schema: { tags, summary: '登记考试及成绩（合格者按考试发放上岗证）', params: idParam, body: examInput, response: { 200: courseDetail } } },
    (request) => {
      request.auditObject = { type: 'training_course', id: request.params.id, detail: { heldOn: request.body.heldOn, qualificationKind: request.body.qualificationKind } };
      return training.recordExam(db, staffOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/training/certificates',
    { config: read, schema: { tags, summary: '上岗资格证书（可按人员）', querystring: certificateQuery, response: { 200: z.array(certificateDto) } } },
    (request) => training.listCertificates(db, staffOf(request), request.query),
  );
  app.get(
    '/api/training/certificates/expiring',
    { config: read, schema: { tags, summary: '已过期和即将到期的上岗资格（默认 30 天内）', querystring: expiringQuery, response: { 200: z.array(certificateDto) } } },
    (request) => training.listExpiring(db, staffOf(request), request.query.days),
  );
  app.post(
    '/api/training/certificates',
    { config: manage('training.certificate_record'), schema: { tags, summary: '登记上岗资格证书（换证或外部发证）', body: certificateInput, response: { 201: certificateDto } } },
    async (request, reply) => {
      const created = await training.recordCertificate(db, staffOf(request), request.body);
      request.auditObject = { type: 'staff_certificate', id: created.id, detail: { staffId: created.staffId, kind: created.kind, expiresOn: created.expiresOn } };
      return reply.status(201).send(created);
    },
  );

  app.get('/api/training/rules', { config: read, schema: { tags, summary: '上岗资格要求（按窗口类型和岗位）', response: { 200: z.array(ruleDto) } } }, (request) =>
    training.listRules(db, staffOf(request)),
  );
  app.post(
    '/api/training/rules',
    { config: manage('training.rule_create'), schema: { tags, summary: '新增上岗资格要求', body: ruleInput, response: { 201: ruleDto } } },
    async (request, reply) => {
      const created = await training.createRule(db, staffOf(request), request.body);
      request.auditObject = { type: 'qualification_rule', id: created.id, detail: { ...request.body } };
      return reply.status(201).send(created);
    },
  );
  app.delete(
    '/api/training/rules/:id',
    { config: manage('training.rule_delete'), schema: { tags, summary: '删除上岗资格要求', params: idParam } },
    async (request, reply) => {
      request.auditObject = { type: 'qualification_rule', id: request.params.id };
      await training.deleteRule(db, staffOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/training/conduct',
    { config: read, schema: { tags, summary: '仪容仪表、文明用语、工作纪律检查记录（按月）', querystring: conductQuery, response: { 200: z.array(conductDto) } } },
    (request) => conduct.listConduct(db, staffOf(request), request.query.month),
  );
  app.get(
    '/api/training/conduct/summary',
    { config: read, schema: { tags, summary: '检查记录月度汇总（按部门、按人员，供与进驻部门联合考核）', querystring: conductQuery, response: { 200: conductSummary } } },
    (request) => conduct.conductSummary(db, staffOf(request), request.query.month),
  );
  app.post(
    '/api/training/conduct',
    { config: manage('training.conduct_record'), schema: { tags, summary: '登记检查发现（扣分）', body: conductInput, response: { 201: conductDto } } },
    async (request, reply) => {
      const created = await conduct.recordConduct(db, staffOf(request), request.body);
      request.auditObject = { type: 'conduct_record', id: created.id, detail: { staffId: created.staffId, aspect: created.aspect, pointsDeducted: created.pointsDeducted } };
      return reply.status(201).send(created);
    },
  );
};
