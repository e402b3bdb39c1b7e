import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam, version } from '../../../platform/http/schemas.ts';
import {
  experienceOptions,
  findingDto,
  findingQuery,
  findingReplyBody,
  officerContact,
  officerDto,
  officerInput,
  officerPatch,
  officerQuery,
  reportInput,
  taskDto,
  taskInput,
  taskQuery,
} from './contract.ts';
import { createOfficer, experienceOptionsOf, listOfficers, revealOfficerContact, updateOfficer } from './officers.ts';
import { cancelTask, listFindings, listTasks, replyFinding, reportTask, scheduleTask } from './tasks.ts';

/** 体验员 (9.3): officers, tasks, reports entered on their behalf, findings followed to an answer or an improvement. */
export const experienceRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  const access = 'experience.manage';
  app.get(
    '/api/experience-officers',
    { config: { access }, schema: { tags, summary: '体验员（联系电话脱敏）及其体验任务数', querystring: officerQuery, response: { 200: z.array(officerDto) } } },
    (request) => listOfficers(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/experience-officers',
    { config: { access, audit: 'experience.officer_create' }, schema: { tags, summary: '聘请体验员（企业、商协会、科研院所代表；聘期）', body: officerInput, response: { 201: officerDto } } },
    async (request, reply) => {
      const created = await createOfficer(deps, staffOf(request), request.body);
      request.auditObject = { type: 'experience_officer', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/experience-officers/:id',
    { config: { access, audit: 'experience.officer_update' }, schema: { tags, summary: '修改体验员信息、聘期或停用', params: idParam, body: officerPatch, response: { 200: officerDto } } },
    (request) => {
      request.auditObject = { type: 'experience_officer', id: request.params.id };
      return updateOfficer(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  // A read that is audited (config.audit on a GET).
  app.get(
    '/api/experience-officers/:id/contact',
    { config: { access, audit: 'experience.officer_contact_read' }, schema: { tags, summary: '查看体验员联系电话（记入审计日志）', params: idParam, response: { 200: officerContact } } },
    (request) => {
      request.auditObject = { type: 'experience_officer', id: request.params.id };
      return revealOfficerContact(deps, staffOf(request), request.params.id);
    },
  );
  app.get(
    '/api/experience-options',
    { config: { access }, schema: { tags, summary: '安排体验任务可选的体验员（聘期内）和事项（已发布）', response: { 200: experienceOptions } } },
    (request) => experienceOptionsOf(deps, staffOf(request)),
  );
  app.get(
    '/api/experience-tasks',
    { config: { access }, schema: { tags, summary: '体验任务及其报告、发现的问题', querystring: taskQuery, response: { 200: z.array(taskDto) } } },
    (request) => listTasks(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/experience-tasks',
    { config: { access, audit: 'experience.task_schedule' }, schema: { tags, summary: '安排体验任务：事项、渠道（窗口、网上、电话）、日期、体验员', body: taskInput, response: { 201: taskDto } } },
    async (request, reply) => {
      const created = await scheduleTask(deps, staffOf(request), request.body);
      request.auditObject = { type: 'experience_task', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/experience-tasks/:id/cancel',
    { config: { access, audit: 'experience.task_cancel' }, schema: { tags, summary: '取消体验任务', params: idParam, body: z.strictObject({ version }), response: { 200: taskDto } } },
    (request) => {
      request.auditObject = { type: 'experience_task', id: request.params.id };
      return cancelTask(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  app.post(
    '/api/experience-tasks/:id/report',
    { config: { access, audit: 'experience.report' }, schema: { tags, summary: '代体验员登记体验报告及发现的问题（每个任务一份）', params: idParam, body: reportInput, response: { 200: taskDto } } },
    (request) => {
      request.auditObject = { type: 'experience_task', id: request.params.id };
      return reportTask(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  app.get(
    '/api/experience-findings',
    { config: { access }, schema: { tags, summary: '体验员发现的问题及跟进（答复或改进事项）', querystring: findingQuery, response: { 200: z.array(findingDto) } } },
    (request) => listFindings(deps, staffOf(request), request.query),
  );
  app.post(
    '/api/experience-findings/:id/reply',
    { config: { access, audit: 'experience.finding_reply' }, schema: { tags, summary: '书面答复体验员发现的问题（办结）；需要整改的请登记改进事项', params: idParam, body: findingReplyBody, response: { 200: findingDto } } },
    (request) => {
      request.auditObject = { type: 'experience_finding', id: request.params.id };
      return replyFinding(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
};
