import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffOf } from '../../platform/auth/plugin.ts';
import { idParam, ok } from '../../platform/http/schemas.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';
import * as approvals from './approvals.ts';
import {
  department,
  departmentInput,
  departmentPatch,
  resetPasswordBody,
  staffInput,
  staffApproval,
  staffMember,
  type StaffApprovalDto,
  type StaffDto,
  staffPatch,
  staffQuery,
} from './contract.ts';
import * as staff from './service.ts';

/** Clause 5: departments with their chief officers, and staff accounts with their roles. */
export const staffRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['staff'];

  app.get(
    '/api/centers/:id/departments',
    { config: { access: 'org.read' }, schema: { tags, summary: '进驻本中心的部门', params: idParam, response: { 200: z.array(department) } } },
    (request) => staff.listDepartments(db, request.params.id),
  );
  app.post(
    '/api/centers/:id/departments',
    {
      config: { access: 'org.manage', audit: 'department.create' },
      schema: { tags, summary: '添加进驻部门', params: idParam, body: departmentInput, response: { 201: department } },
    },
    async (request, reply) => {
      const created = await staff.createDepartment(db, request.params.id, request.body);
      request.auditObject = { type: 'department', id: created.id };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/departments/:id',
    {
      config: { access: 'org.manage', audit: 'department.update' },
      schema: { tags, summary: '修改进驻部门（含首席事务代表）', params: idParam, body: departmentPatch, response: { 200: department } },
    },
    async (request) => {
      request.auditObject = { type: 'department', id: request.params.id, detail: request.body };
      return staff.updateDepartment(db, request.params.id, request.body);
    },
  );

  app.get(
    '/api/staff',
    { config: { access: 'staff.read' }, schema: { tags, summary: '工作人员列表', querystring: staffQuery, response: { 200: z.array(staffMember) } } },
    (request) => {
      const reader = staffOf(request);
      if (request.query.centerId && !isCenterInScope(reader, request.query.centerId)) throw forbidden('只能查看本中心（及所辖中心）的工作人员');
      return staff.listStaff(db, { ...request.query, centers: reader.centerScope });
    },
  );
  app.post(
    '/api/staff',
    {
      config: { access: 'staff.manage', audit: 'staff.create' },
      schema: { tags, summary: '创建工作人员账户（初始密码须在首次登录时修改）', body: staffInput, response: { 201: staffMember } },
    },
    async (request, reply) => {
      const created = await staff.createStaff(db, request.body);
      request.auditObject = { type: 'staff', id: created.id, detail: { username: created.username, roles: created.roles } };
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/staff/:id',
    {
      config: { access: 'staff.manage', audit: 'staff.update' },
      schema: {
        tags,
        summary: '修改工作人员（岗位、归属、启用状态）；改本人的角色或授予系统管理员、审计员角色须另一名系统管理员批准（202）',
        params: idParam,
        body: staffPatch,
        response: { 200: staffMember, 202: staffApproval },
      },
    },
    async (request, reply) => {
      request.auditObject = { type: 'staff', id: request.params.id, detail: request.body };
      return answer(reply, await approvals.changeStaff(db, staffOf(request), request.params.id, request.body));
    },
  );
  app.post(
    '/api/staff/:id/reset-password',
    {
      config: { access: 'staff.manage', audit: 'staff.reset_password' },
      schema: {
        tags,
        summary: '重置密码（结束其全部会话并解除锁定）；其他系统管理员或审计员的密码须另一名系统管理员批准（202）',
        params: idParam,
        body: resetPasswordBody,
        response: { 200: staffMember, 202: staffApproval },
      },
    },
    async (request, reply) => {
      request.auditObject = { type: 'staff', id: request.params.id };
      return answer(reply, await approvals.resetPassword(db, staffOf(request), request.params.id, request.body.password));
    },
  );
  app.post(
    '/api/staff/:id/unlock',
    {
      config: { access: 'staff.manage', audit: 'staff.unlock' },
      schema: { tags, summary: '解除登录锁定', params: idParam, response: { 200: ok } },
    },
    async (request) => {
      request.auditObject = { type: 'staff', id: request.params.id };
      await staff.unlockStaff(db, request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/staff/:id/totp-reset',
    {
      config: { access: 'staff.manage', audit: 'staff.reset_totp' },
      schema: {
        tags,
        summary: '重置动态验证码（丢失身份验证器时；此后登录只需密码，可重新绑定）；其他系统管理员或审计员的须另一名系统管理员批准（202）',
        params: idParam,
        response: { 200: staffMember, 202: staffApproval },
      },
    },
    async (request, reply) => {
      request.auditObject = { type: 'staff', id: request.params.id };
      return answer(reply, await approvals.resetSecondFactor(db, staffOf(request), request.params.id));
    },
  );

  // separation of duties: what one administrator asked for, a second approves or rejects
  app.get(
    '/api/staff-approvals',
    { config: { access: 'staff.manage' }, schema: { tags, summary: '待另一名系统管理员批准的账户变更（及最近处理过的）', response: { 200: z.array(staffApproval) } } },
    () => approvals.listApprovals(db),
  );
  app.post(
    '/api/staff-approvals/:id/approve',
    {
      config: { access: 'staff.manage', audit: 'staff.approve_change' },
      schema: { tags, summary: '批准另一名系统管理员提出的账户变更（随即生效）', params: idParam, response: { 200: staffApproval } },
    },
    async (request) => {
      const decided = await approvals.approve(db, staffOf(request), request.params.id);
      request.auditObject = { type: 'staff', id: decided.staffId, detail: { approvalId: decided.id, kind: decided.kind } };
      return decided;
    },
  );
  app.post(
    '/api/staff-approvals/:id/reject',
    {
      config: { access: 'staff.manage', audit: 'staff.reject_change' },
      schema: { tags, summary: '驳回（或撤回本人提出的）账户变更', params: idParam, response: { 200: staffApproval } },
    },
    async (request) => {
      const decided = await approvals.reject(db, staffOf(request), request.params.id);
      request.auditObject = { type: 'staff', id: decided.staffId, detail: { approvalId: decided.id, kind: decided.kind } };
      return decided;
    },
  );
};

/** 200 with the account when the change was made, 202 with the request when it waits for a second administrator. */
function answer(reply: FastifyReply, outcome: { applied: StaffDto } | { pending: StaffApprovalDto }) {
  return 'applied' in outcome ? reply.status(200).send(outcome.applied) : reply.status(202).send(outcome.pending);
}
