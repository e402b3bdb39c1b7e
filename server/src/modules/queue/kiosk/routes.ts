import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';
import { centerIdParam } from '../contract.ts';
import { ticketStatus } from '../tickets/contract.ts';
import { kioskSnapshot, kioskTicketInput } from './contract.ts';
import { loadSettings } from '../settings/service.ts';
import { getKioskSnapshot, takeKioskTicket } from './service.ts';

/** The kiosk (取号机): public, as the device in the hall is; taking a ticket is limited per client. */
export const kioskRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const tags = ['queue-devices'];
  app.get(
    '/api/queue/kiosk/:centerId',
    { config: { access: 'public' }, schema: { tags, summary: '取号机首页：各队列等候人数、热门事项、能否取号', params: centerIdParam, response: { 200: kioskSnapshot } } },
    (request) => getKioskSnapshot(db, request.params.centerId),
  );
  app.post(
    '/api/queue/kiosk/:centerId/tickets',
    {
      config: {
        access: 'public',
        audit: 'ticket.take',
        rateLimit: rateLimit(
          { ...RATE_LIMITS.kiosk, name: 'kiosk-ticket', message: '取号过于频繁，请稍后再试或到咨询导办台' },
          {
            max: async (request) => (await loadSettings(db, (request.params as { centerId: string }).centerId)).kioskTicketsPerMinute,
            key: (request) => `${(request.params as { centerId: string }).centerId}:${request.ip}`,
          },
        ),
      },
      schema: { tags, summary: '在取号机取号', params: centerIdParam, body: kioskTicketInput, response: { 201: ticketStatus } },
    },
    async (request, reply) => {
      const taken = await takeKioskTicket(db, config, request.params.centerId, request.body);
      request.auditObject = { type: 'ticket', id: taken.ticketId };
      return reply.status(201).send(taken.status);
    },
  );
};
