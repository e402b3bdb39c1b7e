import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { idParam, ok } from '../../../platform/http/schemas.ts';
import { centerIdParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { appointmentBlock, dayView, dayViewQuery } from './contract.ts';
import { getDayView, liftBlock, listActiveBlocks } from './service.ts';

/** Staff views: a day's bookings per queue, and the applicants blocked after no-shows. */
export const viewRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['appointments'];
  app.get(
    '/api/appointments/day',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '某日（默认今天）各队列的预约、签到与爽约', querystring: dayViewQuery, response: { 200: dayView } } },
    (request) => {
      staffInCenter(request, request.query.centerId);
      return getDayView(db, request.query.centerId, request.query.date);
    },
  );
  app.get(
    '/api/appointments/blocks/:centerId',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '因爽约暂不能预约的申请人', params: centerIdParam, response: { 200: z.array(appointmentBlock) } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return listActiveBlocks(db, request.params.centerId);
    },
  );
  app.delete(
    '/api/appointments/blocks/:id',
    { config: { access: 'appointment.capacity', audit: 'appointment.unblock' }, schema: { tags, summary: '提前解除预约限制', params: idParam, response: { 200: ok } } },
    async (request) => {
      request.auditObject = { type: 'appointment_block', id: request.params.id };
      await liftBlock(db, request.params.id, (centerId) => staffInCenter(request, centerId));
      return { ok: true as const };
    },
  );
};
