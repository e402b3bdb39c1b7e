import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { ok } from '../http/schemas.ts';
import type { Principal } from './principal.ts';
import {
  changePasswordBody,
  enterpriseLoginBody,
  meResponse,
  sessionResponse,
  staffLoginBody,
  totpCodeBody,
  totpEnrolmentBody,
  totpEnrolmentResponse,
  totpStatusResponse,
  type Me,
} from './contract.ts';
import { authSettings, SESSION_COOKIE, sessionCookieOptions, staffOf } from './plugin.ts';
import * as auth from './service.ts';
import * as secondFactor from './second-factor.ts';
import { RATE_LIMITS, rateLimit } from '../http/rate-limit.ts';

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const settings = authSettings(config);
  const tags = ['auth'];

  const startSession = async (request: FastifyRequest, reply: FastifyReply, input: auth.LoginInput) => {
    request.auditObject = {
      type: input.kind === 'staff' ? 'staff' : 'enterprise_account',
      id: '',
      detail: { loginName: input.kind === 'staff' ? input.username : input.uscc },
    };
    const result = await auth.login(db, settings, input, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    request.principal = result.principal;
    request.auditObject.id = result.principal.id;
    reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(config, request));
    return toMe(result.principal);
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', audit: 'auth.login', keepFailures: true, rateLimit: rateLimit(RATE_LIMITS.login) },
      schema: { tags, summary: '工作人员登录', body: staffLoginBody, response: { 200: meResponse } },
    },
    (request, reply) => startSession(request, reply, { kind: 'staff', ...request.body }),
  );

  app.post(
    '/api/auth/enterprise-login',
    {
      config: { access: 'public', audit: 'auth.enterprise_login', keepFailures: true, rateLimit: rateLimit(RATE_LIMITS.login) },
      schema: { tags, summary: '企业账户登录（门户）', body: enterpriseLoginBody, response: { 200: meResponse } },
    },
    (request, reply) => startSession(request, reply, { kind: 'enterprise', ...request.body }),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public', audit: 'auth.logout' },
      schema: { tags, summary: '退出登录，并在服务器端结束会话', response: { 200: ok } },
    },
    async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      if (unsigned?.valid && unsigned.value) await auth.logout(db, unsigned.value);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '当前登录的账户、岗位和权限', response: { 200: meResponse } },
    },
    async (request) => toMe(request.principal!),
  );
  app.get(
    '/api/auth/session',
    { config: { access: 'public' }, schema: { tags, summary: '当前登录的账户；未登录时为 null（不报错）', response: { 200: sessionResponse } } },
    async (request) => ({ me: request.principal ? toMe(request.principal) : null }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated', audit: 'auth.change_password' },
      schema: { tags, summary: '修改自己的密码', body: changePasswordBody, response: { 200: ok } },
    },
    async (request) => {
      const me = staffOf(request);
      request.auditObject = { type: 'staff', id: me.id };
      const raw = request.cookies[SESSION_COOKIE];
      const current = raw ? request.unsignCookie(raw).value : null;
      // the new password ends every other session of the account; this one goes on
      await auth.changeOwnPassword(db, me.id, request.body, current ?? '');
      return { ok: true as const };
    },
  );

  // The staff member's own second factor (TOTP): status, enrol, confirm, turn off.
  app.get(
    '/api/auth/totp',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '自己的动态验证码（两步验证）状态', response: { 200: totpStatusResponse } },
    },
    async (request) => secondFactor.totpStatus(db, staffOf(request)),
  );

  app.post(
    '/api/auth/totp/enrolment',
    {
      config: { access: 'authenticated', audit: 'auth.totp_enrol' },
      schema: {
        tags,
        summary: '开始绑定动态验证码（须输入当前密码）：生成新的密钥（仅此一次返回），待输入验证码确认',
        body: totpEnrolmentBody,
        response: { 200: totpEnrolmentResponse },
      },
    },
    async (request) => {
      const me = staffOf(request);
      request.auditObject = { type: 'staff', id: me.id };
      return secondFactor.startTotpEnrolment(db, settings.keys, { staffId: me.id, currentPassword: request.body.currentPassword });
    },
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { access: 'authenticated', audit: 'auth.totp_confirm' },
      schema: { tags, summary: '输入验证码确认绑定；此后登录须填写动态验证码', body: totpCodeBody, response: { 200: ok } },
    },
    async (request) => {
      const me = staffOf(request);
      request.auditObject = { type: 'staff', id: me.id };
      await secondFactor.confirmTotp(db, settings.keys, me.id, request.body.totp);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'authenticated', audit: 'auth.totp_disable' },
      schema: { tags, summary: '解除绑定动态验证码（须输入当前验证码）', body: totpCodeBody, response: { 200: ok } },
    },
    async (request) => {
      const me = staffOf(request);
      request.auditObject = { type: 'staff', id: me.id };
      await secondFactor.disableTotp(db, settings.keys, me.id, request.body.totp);
      return { ok: true as const };
    },
  );
};

function toMe(p: Principal): Me {
  if (p.type === 'enterprise') return p;
  return {
    type: 'staff',
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    roles: p.roles,
    permissions: [...p.permissions],
    centerId: p.centerId,
    departmentId: p.departmentId,
    mustChangePassword: p.mustChangePassword,
  };
}
