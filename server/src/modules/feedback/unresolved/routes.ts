import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam, isoDate, version } from '../../../platform/http/schemas.ts';
import { caseDetail, caseSummary, text } from '../cases/contract.ts';
import { getCaseDetail } from '../cases/views.ts';
import { addTasks, answerTask, isDeskStaff, listLedger } from './service.ts';

const taskInput = z.strictObject({ departmentId: z.uuid('部门编号格式不正确'), request: text('协调事项', 2000), dueOn: isoDate });
const tasksBody = z.strictObject({ version, tasks: z.array(taskInput).min(1, '请至少选择一个协调部门').max(10, '一次不能超过 10 个部门') });
const answerBody = z.strictObject({ version, taskId: z.uuid('协调任务编号格式不正确'), answer: text('协调意见', 2000) });
const ledgerQuery = z.strictObject({ from: isoDate, to: isoDate, state: z.enum(['open', 'closed']).optional() });

const group = z.object({ key: z.string(), label: z.string(), matters: z.number(), solved: z.number(), explained: z.number(), open: z.number(), solvedShare: z.number().nullable(), averageDaysToSolve: z.number().nullable() });
const ledger = z.object({
  items: z.array(
    caseSummary.extend({
      outcome: z.enum(['solved', 'explained']).nullable(),
      isConfirmedByEnterprise: z.boolean(),
      tasks: caseDetail.shape.tasks,
    }),
  ),
  figures: z.object({ total: group, byCause: z.array(group), byDepartment: z.array(group) }),
});

/** 办不成事反映窗口 (9.2): the ledger and its figures, coordination tasks and the departments' answers. */
export const unresolvedRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  app.get(
    '/api/feedback-unresolved',
    { config: { access: 'feedback.unresolved' }, schema: { tags, summary: '办不成事台账及统计（按原因、部门）', querystring: ledgerQuery, response: { 200: ledger } } },
    (request) => listLedger(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/feedback-unresolved/desk',
    { config: { access: 'feedback.handle' }, schema: { tags, summary: '当前人员是否为办不成事反映窗口人员（决定菜单）', response: { 200: z.object({ isDesk: z.boolean() }) } } },
    async (request) => ({ isDesk: await isDeskStaff(deps.db, staffOf(request)) }),
  );
  app.post(
    '/api/feedback/:id/tasks',
    { config: { access: 'feedback.unresolved', audit: 'feedback.unresolved_tasks' }, schema: { tags, summary: '办不成事：向一个或多个部门发起协调（各有期限）', params: idParam, body: tasksBody, response: { 200: caseDetail } } },
    async (request) => {
      request.auditObject = { type: 'feedback_case', id: request.params.id };
      const staff = staffOf(request);
      await addTasks(deps, staff, { id: request.params.id, ...request.body });
      return getCaseDetail(deps, staff, request.params.id);
    },
  );
  app.post(
    '/api/feedback/:id/task-answers',
    { config: { access: 'feedback.handle', audit: 'feedback.unresolved_answer' }, schema: { tags, summary: '部门反馈协调意见', params: idParam, body: answerBody, response: { 200: caseDetail } } },
    async (request) => {
      request.auditObject = { type: 'feedback_case', id: request.params.id, detail: { taskId: request.body.taskId } };
      const staff = staffOf(request);
      await answerTask(deps, staff, { id: request.params.id, ...request.body });
      return getCaseDetail(deps, staff, request.params.id);
    },
  );
};
