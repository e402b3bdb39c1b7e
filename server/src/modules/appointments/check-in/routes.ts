import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { centerIdParam } from '../contract.ts';
import { RATE_LIMITS, rateLimit } from '../../../platform/http/rate-limit.ts';
import { checkInResult, kioskCheckInInput } from './contract.ts';
import { checkIn } from './service.ts';

/** The kiosk (public, as the device in the hall is): check-in by booking code, its QR code, or phone number. */
export const kioskCheckInRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  app.post(
    '/api/appointments/kiosk/:centerId/check-in',
    {
      config: {
        access: 'public',
        audit: 'appointment.check_in',
        rateLimit: rateLimit(
          { ...RATE_LIMITS.kiosk, name: 'kiosk-check-in', message: '签到过于频繁，请稍后再试或到咨询导办台' },
          { key: (request) => `${(request.params as { centerId: string }).centerId}:${request.ip}` },
        ),
      },
      schema: { tags: ['queue-devices'], summary: '在取号机凭预约码（扫码）或手机号签到取号', params: centerIdParam, body: kioskCheckInInput, response: { 200: checkInResult } },
    },
    async (request) => {
      const result = await checkIn(db, config, { centerId: request.params.centerId, ...request.body, actor: 'kiosk' });
      request.auditObject = { type: 'appointment', id: result.appointment.id, detail: { ticket: result.ticket.displayNumber, isLate: result.isLate } };
      return result;
    },
  );
};
