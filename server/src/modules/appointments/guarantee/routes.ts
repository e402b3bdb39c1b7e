import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { centerIdParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { guaranteeView } from './contract.ts';
import { getGuaranteeView } from './service.ts';

/** The manager's view of A.6's promise: appointment-only items with a slot within 3 working days. */
export const guaranteeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/appointments/guarantee/:centerId',
    {
      config: { access: 'appointment.view' },
      schema: { tags: ['appointments'], summary: '3 个工作日内有号：全预约事项的最早可约时段、达标比例与预警', params: centerIdParam, response: { 200: guaranteeView } },
    },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return getGuaranteeView(db, request.params.centerId);
    },
  );
};
