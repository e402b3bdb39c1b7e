import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { checkIn } from '../check-in/service.ts';
import { checkInResult } from '../check-in/contract.ts';
import { staffInCenter } from '../scope.ts';
import { getAppointmentDetail, lookupAppointments } from '../views/service.ts';
import { cancelAppointment, rescheduleAppointment } from './changes.ts';
import { appointment, appointmentDetail, appointmentLookupQuery, staffBookingInput, staffCancelInput, staffRescheduleInput } from './contract.ts';
import { findById } from './repository.ts';
import { bookAppointment } from './service.ts';
import { notFoundBooking } from './changes.ts';

/** Staff: booking at the guidance desk and by phone entry, changes on the applicant's behalf, desk check-in. */
export const staffBookingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  const tags = ['appointments'];
  const centerOfBooking = async (id: string) => {
    const row = await findById(db, id);
    if (!row) throw notFoundBooking();
    return row.centerId;
  };

  app.post(
    '/api/appointments',
    {
      config: { access: 'appointment.book_for', audit: 'appointment.book' },
      schema: { tags, summary: '代为预约（咨询导办台、电话预约）', body: staffBookingInput, response: { 201: appointment } },
    },
    async (request, reply) => {
      const staff = staffInCenter(request, request.body.centerId);
      const { centerId, itemId, date, start, phone, uscc, channel } = request.body;
      const booked = await bookAppointment(db, config, { centerId, itemId, date, start, channel, applicant: { uscc, phone }, bookedBy: staff.id });
      request.auditObject = { type: 'appointment', id: booked.id, detail: { itemId, date, start, channel } };
      return reply.status(201).send(booked);
    },
  );
  app.get(
    '/api/appointments/lookup',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '按预约码、手机号或统一社会信用代码查找预约', querystring: appointmentLookupQuery, response: { 200: z.array(appointment) } } },
    (request) => {
      staffInCenter(request, request.query.centerId);
      return lookupAppointments(db, config, request.query);
    },
  );
  app.get(
    '/api/appointments/:id',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '预约详情及其经过', params: idParam, response: { 200: appointmentDetail } } },
    async (request) => {
      staffInCenter(request, await centerOfBooking(request.params.id));
      return getAppointmentDetail(db, request.params.id);
    },
  );
  app.post(
    '/api/appointments/:id/cancel',
    {
      config: { access: 'appointment.book_for', audit: 'appointment.cancel' },
      schema: { tags, summary: '代为取消预约', params: idParam, body: staffCancelInput, response: { 200: appointment } },
    },
    async (request) => {
      const staff = staffInCenter(request, await centerOfBooking(request.params.id));
      request.auditObject = { type: 'appointment', id: request.params.id, detail: { reason: request.body.reason } };
      return cancelAppointment(db, config, request.params.id, { actor: 'staff', staffId: staff.id }, request.body.reason);
    },
  );
  app.post(
    '/api/appointments/:id/reschedule',
    {
      config: { access: 'appointment.book_for', audit: 'appointment.reschedule' },
      schema: { tags, summary: '代为改约', params: idParam, body: staffRescheduleInput, response: { 200: appointment } },
    },
    async (request) => {
      const staff = staffInCenter(request, await centerOfBooking(request.params.id));
      request.auditObject = { type: 'appointment', id: request.params.id, detail: request.body };
      return rescheduleAppointment(db, config, request.params.id, request.body, { actor: 'staff', staffId: staff.id });
    },
  );
  app.post(
    '/api/appointments/:id/check-in',
    {
      config: { access: 'appointment.book_for', audit: 'appointment.check_in' },
      schema: { tags, summary: '在咨询导办台为预约签到取号', params: idParam, response: { 200: checkInResult } },
    },
    async (request) => {
      const centerId = await centerOfBooking(request.params.id);
      const staff = staffInCenter(request, centerId);
      request.auditObject = { type: 'appointment', id: request.params.id };
      return checkIn(db, config, { centerId, appointmentId: request.params.id, actor: 'staff', staffId: staff.id });
    },
  );
};
