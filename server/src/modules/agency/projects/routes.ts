import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { milestoneInput, milestoneParams, projectDto, projectInput, projectList, projectVersionBody } from './contract.ts';
import { addMilestone, completeMilestone, createProject, getProject, listProjects } from './service.ts';

/** 重点项目: list, detail, set-up (manager), milestones. */
export const projectRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['agency'];
  app.get('/api/agency/projects', { config: { access: 'agency.handle' }, schema: { tags, summary: '重点项目：事项、代办团队、节点和进度', response: { 200: projectList } } }, (request) =>
    listProjects(deps.db, staffOf(request)),
  );
  app.get('/api/agency/projects/:id', { config: { access: 'agency.handle' }, schema: { tags, summary: '重点项目详情', params: idParam, response: { 200: projectDto } } }, (request) =>
    getProject(deps.db, staffOf(request), request.params.id),
  );
  app.post(
    '/api/agency/projects',
    { config: { access: 'agency.manage', audit: 'agency.project_create' }, schema: { tags, summary: '设立重点项目并指定代办团队', body: projectInput, response: { 201: projectDto } } },
    async (request, reply) => {
      const id = await createProject(deps.db, staffOf(request), request.body);
      request.auditObject = { type: 'agency_project', id, detail: { name: request.body.name } };
      return reply.status(201).send(await getProject(deps.db, staffOf(request), id));
    },
  );
  app.post(
    '/api/agency/projects/:id/milestones',
    { config: { access: 'agency.manage', audit: 'agency.milestone_add' }, schema: { tags, summary: '增加项目节点（名称、计划完成日期）', params: idParam, body: milestoneInput, response: { 200: projectDto } } },
    async (request) => {
      request.auditObject = { type: 'agency_project', id: request.params.id, detail: { title: request.body.title } };
      await addMilestone(deps.db, staffOf(request), request.params.id, request.body);
      return getProject(deps.db, staffOf(request), request.params.id);
    },
  );
  app.post(
    '/api/agency/projects/:id/milestones/:milestoneId/done',
    { config: { access: 'agency.handle', audit: 'agency.milestone_done' }, schema: { tags, summary: '登记项目节点完成', params: milestoneParams, body: projectVersionBody, response: { 200: projectDto } } },
    async (request) => {
      request.auditObject = { type: 'agency_project', id: request.params.id, detail: { milestoneId: request.params.milestoneId } };
      await completeMilestone(deps.db, staffOf(request), request.params.id, request.params.milestoneId, request.body.version);
      return getProject(deps.db, staffOf(request), request.params.id);
    },
  );
};
