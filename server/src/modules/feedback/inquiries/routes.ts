import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { contactDto, handlingBody, inquiryDto, inquiryInput, inquiryOptions, inquiryListQuery, inquiryResult, receiveBody, replyBody, violationDto, violationLedger, violationQuery } from './contract.ts';
import { inquiryOptionsOf, listInquiries, receiveInquiry, recordInquiry, replyInquiry, revealContact } from './service.ts';
import { handleViolation, violationLedger as ledgerOf, violationNotice } from './violations.ts';

/** 首问、首办 (A.1, A.2): any staff member records what they were asked first; transfers are received; the violations ledger (A.1.4, A.2.4). */
export const inquiryRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['feedback'];
  app.post(
    '/api/inquiries',
    {
      config: { access: 'inquiry.record', audit: 'inquiry.record' },
      schema: { tags, summary: '登记首问（首办）：咨询人、咨询事项，当场答复、限时答复、移交（部门或人员）、引导至窗口（导办台可代取号）或非本中心职责', body: inquiryInput, response: { 201: inquiryResult } },
    },
    async (request, reply) => {
      const result = await recordInquiry(deps, staffOf(request), request.body);
      request.auditObject = { type: 'inquiry', id: result.inquiry.id, ...(result.issued ? { detail: { ticketId: result.issued.ticket.id } } : {}) };
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/inquiries',
    { config: { access: 'inquiry.record' }, schema: { tags, summary: '咨询登记：我登记的、移交给我（本部门）待接收或待答复的、全中心的（导办台、中心管理人员）', querystring: inquiryListQuery, response: { 200: z.array(inquiryDto) } } },
    (request) => listInquiries(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/inquiry-options',
    { config: { access: 'inquiry.record' }, schema: { tags, summary: '可移交的部门和工作人员（本中心在岗）', response: { 200: inquiryOptions } } },
    (request) => inquiryOptionsOf(deps, staffOf(request)),
  );
  app.post(
    '/api/inquiries/:id/reply',
    { config: { access: 'inquiry.record', audit: 'inquiry.reply' }, schema: { tags, summary: '答复（首问责任人或接收人，在答复期限内）', params: idParam, body: replyBody, response: { 200: inquiryDto } } },
    (request) => {
      request.auditObject = { type: 'inquiry', id: request.params.id };
      return replyInquiry(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  app.post(
    '/api/inquiries/:id/receive',
    { config: { access: 'inquiry.record', audit: 'inquiry.receive' }, schema: { tags, summary: '接收移交的咨询（被移交的人员或部门），此后由接收人答复', params: idParam, body: receiveBody, response: { 200: inquiryDto } } },
    (request) => {
      request.auditObject = { type: 'inquiry', id: request.params.id };
      return receiveInquiry(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
  // A read that is audited, allowed or refused (config.audit on a GET).
  app.get(
    '/api/inquiries/:id/contact',
    { config: { access: 'inquiry.record', audit: 'inquiry.contact_read' }, schema: { tags, summary: '查看咨询人联系电话（首问责任人、接收人；每次查看记入审计日志）', params: idParam, response: { 200: contactDto } } },
    (request) => {
      request.auditObject = { type: 'inquiry', id: request.params.id };
      return revealContact(deps, staffOf(request), request.params.id);
    },
  );

  app.get(
    '/api/inquiry-violations',
    {
      config: { access: 'inquiry.violations' },
      schema: { tags, summary: '首问首办违规台账：逾期未答复、移交逾期无人接收，按工作人员统计（首席事务代表看本部门）', querystring: violationQuery, response: { 200: violationLedger } },
    },
    (request) => ledgerOf(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/inquiry-violations/notice',
    { config: { access: 'inquiry.violations' }, schema: { tags, summary: '提醒我处理的违规（未处理条数）', response: { 200: z.object({ open: z.number() }) } } },
    (request) => violationNotice(deps, staffOf(request)),
  );
  app.post(
    '/api/inquiry-violations/:id/handling',
    {
      config: { access: 'inquiry.violations', audit: 'inquiry.violation_handle' },
      schema: { tags, summary: '登记核查和处理情况（谈话教育、通报批评、岗位调整或核查不属实），不能处理本人的', params: idParam, body: handlingBody, response: { 200: violationDto } },
    },
    (request) => {
      request.auditObject = { type: 'inquiry_violation', id: request.params.id };
      return handleViolation(deps, staffOf(request), { id: request.params.id, ...request.body });
    },
  );
};
