import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { portalBookingRoutes } from './booking/portal-routes.ts';
import { staffBookingRoutes } from './booking/routes.ts';
import { capacityRoutes } from './capacity/routes.ts';
import { kioskCheckInRoutes } from './check-in/routes.ts';
import { guaranteeRoutes } from './guarantee/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { viewRoutes } from './views/routes.ts';

/** Clause A.6: appointments online and offline, slots guaranteed within 3 working days, check-in, no-shows. */
export const appointmentRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(settingsRoutes, deps);
  await app.register(capacityRoutes, deps);
  await app.register(guaranteeRoutes, deps);
  await app.register(viewRoutes, deps);
  await app.register(portalBookingRoutes, deps);
  await app.register(kioskCheckInRoutes, deps);
  await app.register(staffBookingRoutes, deps);
};
