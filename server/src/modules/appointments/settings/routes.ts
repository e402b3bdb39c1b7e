import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { centerIdParam } from '../contract.ts';
import { staffInCenter } from '../scope.ts';
import { appointmentSettings, appointmentSettingsInput } from './contract.ts';
import { getSettings, saveSettings } from './service.ts';

/** A center's appointment settings: slot length, hours, cut-off, check-in window, no-show rule, horizon. */
export const settingsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  const tags = ['appointments'];
  app.get(
    '/api/appointments/settings/:centerId',
    { config: { access: 'appointment.view' }, schema: { tags, summary: '预约设置（未保存时为默认值）', params: centerIdParam, response: { 200: appointmentSettings } } },
    (request) => {
      staffInCenter(request, request.params.centerId);
      return getSettings(db, request.params.centerId);
    },
  );
  app.put(
    '/api/appointments/settings/:centerId',
    {
      config: { access: 'appointment.capacity', audit: 'appointment.settings' },
      schema: { tags, summary: '修改预约设置', params: centerIdParam, body: appointmentSettingsInput, response: { 200: appointmentSettings } },
    },
    async (request) => {
      staffInCenter(request, request.params.centerId);
      request.auditObject = { type: 'appointment_settings', id: request.params.centerId, detail: request.body };
      return saveSettings(db, request.params.centerId, request.body);
    },
  );
};
