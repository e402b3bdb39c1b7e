import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { resolvePortalCenter } from '../../catalog/service.ts';
import { getAvailability, listBookableItems } from '../capacity/availability.ts';
import { availability, availabilityQuery, bookableItem, bookableItemsQuery } from '../capacity/contract.ts';
import { codeParam } from '../contract.ts';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';
import { cancelAppointment, rescheduleAppointment } from './changes.ts';
import { appointment, appointmentWithQr, portalBookingInput, portalCancelInput, portalLookupInput, portalRescheduleInput } from './contract.ts';
import { findOwnBooking, listEnterpriseBookings } from './portal.ts';
import { toDto, withQr } from './present.ts';
import { bookAppointment } from './service.ts';

/**
 * The portal (A.6 online booking, no login needed): items that take appointments, free slots,
 * booking with a phone number (a logged-in enterprise books under its USCC), and the applicant's
 * own booking by code and phone number: view with its QR code, cancel, reschedule.
 */
export const portalBookingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const tags = ['portal'];
  app.get(
    '/api/portal/appointments/items',
    { config: { access: 'public' }, schema: { tags, summary: '门户：可预约的事项及最早可约时段', querystring: bookableItemsQuery, response: { 200: z.array(bookableItem) } } },
    async (request) => listBookableItems(db, await resolvePortalCenter(db, request.query.centerId)),
  );
  app.get(
    '/api/portal/appointments/availability',
    { config: { access: 'public' }, schema: { tags, summary: '门户：事项各日可预约时段及余号', querystring: availabilityQuery, response: { 200: availability } } },
    async (request) => getAvailability(db, await resolvePortalCenter(db, request.query.centerId), request.query),
  );
  app.post(
    '/api/portal/appointments',
    { config: { access: 'public', audit: 'appointment.book', rateLimit: rateLimit(RATE_LIMITS.portalBooking) }, schema: { tags, summary: '门户：预约办事（个人凭手机号；企业登录后以本企业名义）', body: portalBookingInput, response: { 201: appointmentWithQr } } },
    async (request, reply) => {
      const { centerId, itemId, date, start, phone } = request.body;
      const principal = request.principal;
      const booked = await bookAppointment(db, config, {
        centerId: await resolvePortalCenter(db, centerId),
        itemId,
        date,
        start,
        channel: 'portal',
        applicant: { uscc: principal?.type === 'enterprise' ? principal.uscc : null, phone },
      });
      request.auditObject = { type: 'appointment', id: booked.id, detail: { itemId, date, start } };
      return reply.status(201).send(await withQr(booked));
    },
  );
  app.get(
    '/api/portal/appointments/mine',
    { config: { access: 'enterprise' }, schema: { tags, summary: '门户：本企业的预约', response: { 200: z.array(appointment) } } },
    (request) => listEnterpriseBookings(db, request.principal!.type === 'enterprise' ? request.principal!.uscc : ''),
  );
  app.post(
    '/api/portal/appointments/lookup',
    { config: { access: 'public', rateLimit: rateLimit(RATE_LIMITS.portalLookup) }, schema: { tags, summary: '门户：凭预约码和手机号查看预约（含二维码）', body: portalLookupInput, response: { 200: appointmentWithQr } } },
    async (request) => {
      const row = await findOwnBooking(db, config, request.body.code, { principal: request.principal, phone: request.body.phone });
      return withQr(await toDto(db, row));
    },
  );
  app.post(
    '/api/portal/appointments/:code/cancel',
    { config: { access: 'public', audit: 'appointment.cancel', rateLimit: rateLimit(RATE_LIMITS.portalLookup) }, schema: { tags, summary: '门户：取消预约（截止时间前）', params: codeParam, body: portalCancelInput, response: { 200: appointment } } },
    async (request) => {
      const row = await findOwnBooking(db, config, request.params.code, { principal: request.principal, phone: request.body.phone });
      request.auditObject = { type: 'appointment', id: row.id };
      return cancelAppointment(db, config, row.id, { actor: 'applicant' });
    },
  );
  app.post(
    '/api/portal/appointments/:code/reschedule',
    { config: { access: 'public', audit: 'appointment.reschedule', rateLimit: rateLimit(RATE_LIMITS.portalBooking) }, schema: { tags, summary: '门户：改约到其他时段（截止时间前）', params: codeParam, body: portalRescheduleInput, response: { 200: appointment } } },
    async (request) => {
      const row = await findOwnBooking(db, config, request.params.code, { principal: request.principal, phone: request.body.phone });
      request.auditObject = { type: 'appointment', id: row.id, detail: { date: request.body.date, start: request.body.start } };
      return rescheduleAppointment(db, config, row.id, { date: request.body.date, start: request.body.start }, { actor: 'applicant' });
    },
  );
};
