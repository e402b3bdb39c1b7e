import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import { staffInCenter } from '../scope.ts';
import { addCapacityAdjustment, getCapacityDay, removeCapacityAdjustment, saveCapacityRule } from './admin.ts';
import { capacityAdjustmentInput, capacityDay, capacityDayQuery, capacityRuleInput } from './contract.ts';

/** Capacity administration: places per slot of queues and items, overflow places, a date's additions and removals. */
export const capacityRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['appointments'];
  app.get(
    '/api/appointments/capacity',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '某日号源：各队列及单独放号事项的每时段号源与已约数', querystring: capacityDayQuery, response: { 200: capacityDay } } },
    (request) => {
      staffInCenter(request, request.query.centerId);
      return getCapacityDay(db, request.query.centerId, request.query.date);
    },
  );
  app.put(
    '/api/appointments/capacity/rules',
    {
      config: { access: 'appointment.capacity', audit: 'appointment.capacity_rule' },
      schema: { tags, summary: '设置队列或事项的每时段号源、事项的应急号源', body: capacityRuleInput, response: { 200: capacityDay } },
    },
    async (request) => {
      staffInCenter(request, request.body.centerId);
      request.auditObject = { type: `appointment_capacity_${request.body.scope}`, id: request.body.scopeId, detail: request.body };
      return saveCapacityRule(db, request.body);
    },
  );
  app.post(
    '/api/appointments/capacity/adjustments',
    {
      config: { access: 'appointment.capacity', audit: 'appointment.capacity_adjust' },
      schema: { tags, summary: '增加或减少某日（某时段）的号源', body: capacityAdjustmentInput, response: { 201: capacityDay } },
    },
    async (request, reply) => {
      const staff = staffInCenter(request, request.body.centerId);
      request.auditObject = { type: `appointment_capacity_${request.body.scope}`, id: request.body.scopeId, detail: request.body };
      return reply.status(201).send(await addCapacityAdjustment(db, request.body, staff.id));
    },
  );
  app.delete(
    '/api/appointments/capacity/adjustments/:id',
    {
      config: { access: 'appointment.capacity', audit: 'appointment.capacity_adjust_undo' },
      schema: { tags, summary: '撤销一项号源调整', params: idParam, response: { 200: capacityDay } },
    },
    async (request) => {
      staffOf(request);
      request.auditObject = { type: 'appointment_capacity_adjustment', id: request.params.id };
      return removeCapacityAdjustment(db, request.params.id, (centerId) => staffInCenter(request, centerId));
    },
  );
};
