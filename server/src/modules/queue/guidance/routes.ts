import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { centerIdParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { inquiry, inquiryInput, inquiryListQuery, inquiryResult } from './contract.ts';
import { listInquiries, recordInquiry } from './service.ts';

/** The guidance desk: inquiries with their first responder (A.1), tickets taken on the enterprise's behalf. */
export const guidanceRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['queue'];
  app.post(
    '/api/queue/centers/:centerId/inquiries',
    {
      config: { access: 'queue.issue', audit: 'inquiry.record' },
      schema: { tags, summary: '登记咨询（首问责任人为登记人），需要时同时代取号', params: centerIdParam, body: inquiryInput, response: { 201: inquiryResult } },
    },
    async (request, reply) => {
      const staff = staffInCenter(request, request.params.centerId);
      const result = await recordInquiry(db, request.params.centerId, request.body, staff);
      request.auditObject = { type: 'inquiry', id: result.inquiry.id, ...(result.issued ? { detail: { ticketId: result.issued.ticket.id } } : {}) };
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/queue/centers/:centerId/inquiries',
    { config: { access: 'queue.issue' }, schema: { tags, summary: '当日咨询登记', params: centerIdParam, querystring: inquiryListQuery, response: { 200: z.array(inquiry) } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return listInquiries(db, request.params.centerId, request.query.date);
    },
  );
};
