import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { getCenter } from '../../venue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { centerIdParam, ticketTokenParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { cancelTicket } from './actions.ts';
import { deskTicketInput, issuedTicket, ticket, ticketListQuery, ticketStatus } from './contract.ts';
import { sealTicketPhone, ticketPhoneHash } from './phone.ts';
import * as repo from './repository.ts';
import { issueTicket, itemNamesOf, statusOf, toTicketDto } from './service.ts';

/** Tickets: issued at the guidance desk, listed for staff, and followed by their holder from the receipt's QR code. */
export const ticketRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const tags = ['queue'];

  app.post(
    '/api/queue/centers/:centerId/tickets',
    {
      config: { access: 'queue.issue', audit: 'ticket.issue' },
      schema: { tags, summary: '代企业取号（咨询导办台）', params: centerIdParam, body: deskTicketInput, response: { 201: issuedTicket } },
    },
    async (request, reply) => {
      const staff = staffInCenter(request, request.params.centerId);
      const { overrideQuota, phone, ...input } = request.body;
      if (overrideQuota && !staff.permissions.has('queue.override_quota')) throw forbidden('您没有超出现场取号量加号的权限');
      const issued = await issueTicket(db, { centerId: request.params.centerId, ...input, phone: sealTicketPhone(config, phone), channel: 'guidance', issuedBy: staff.id, overrideQuota });
      request.auditObject = { type: 'ticket', id: issued.ticket.id, ...(overrideQuota ? { detail: { overrideQuota } } : {}) };
      return reply.status(201).send(issued);
    },
  );
  app.get(
    '/api/queue/centers/:centerId/tickets',
    { config: { access: 'org.read' }, schema: { tags, summary: '当日排队号（可按状态、队列、号码查询）', params: centerIdParam, querystring: ticketListQuery, response: { 200: z.array(ticket) } } },
    async (request) => {
      const { centerId } = request.params;
      staffInCenter(request, centerId);
      const q = request.query;
      const rows = await repo.listTickets(db, {
        centerId,
        businessDate: q.date ?? businessClock(new Date()).date,
        states: q.state ? [q.state] : undefined,
        queueId: q.queueId,
        q: q.q,
        phoneHash: q.q ? ticketPhoneHash(config, q.q) : null,
      });
      const names = await itemNamesOf(db, centerId);
      return Promise.all(rows.map((r) => toTicketDto(db, r, names)));
    },
  );
  app.post(
    '/api/queue/tickets/:id/cancel',
    { config: { access: 'queue.issue', audit: 'ticket.cancel' }, schema: { tags, summary: '取消等候中的号（咨询导办台）', params: idParam, response: { 200: ticket } } },
    async (request) => {
      const staff = staffOf(request);
      request.auditObject = { type: 'ticket', id: request.params.id };
      return cancelTicket(db, request.params.id, { actor: 'desk', staffId: staff.id, centerId: staff.roles.includes('administrator') ? (await repo.findTicket(db, request.params.id))?.centerId : staff.centerId });
    },
  );

  // The holder's side: whoever has the receipt (its QR code carries the token).
  app.get(
    '/api/queue/t/:token',
    { config: { access: 'public' }, schema: { tags, summary: '按取号凭证查询排队进度（手机扫码）', params: ticketTokenParam, response: { 200: ticketStatus } } },
    async (request) => {
      const row = await repo.findTicketByToken(db, request.params.token);
      if (!row) throw notFound('排队号');
      return statusOf(db, row, (await getCenter(db, row.centerId)).name);
    },
  );
  app.post(
    '/api/queue/t/:token/cancel',
    { config: { access: 'public', audit: 'ticket.cancel_by_holder' }, schema: { tags, summary: '取号人取消排队', params: ticketTokenParam, response: { 200: ticketStatus } } },
    async (request) => {
      const row = await repo.findTicketByToken(db, request.params.token);
      if (!row) throw notFound('排队号');
      if (row.businessDate !== businessClock(new Date()).date) throw new AppError('INVALID_STATE', '只能取消当天的号');
      request.auditObject = { type: 'ticket', id: row.id };
      await cancelTicket(db, row.id, { actor: 'holder' });
      return statusOf(db, (await repo.findTicket(db, row.id))!, (await getCenter(db, row.centerId)).name);
    },
  );
  app.get(
    '/api/queue/t/:token/qr.svg',
    { config: { access: 'public' }, schema: { tags, summary: '凭条上的二维码（打开排队进度页）', params: ticketTokenParam } },
    async (request, reply) => {
      if (!(await repo.findTicketByToken(db, request.params.token))) throw notFound('排队号');
      const url = `${request.protocol}://${request.host}/t/${request.params.token}`;
      const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=86400').send(svg);
    },
  );
};
