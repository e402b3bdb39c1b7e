import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { counterRoutes } from './counters/routes.ts';
import { displayRoutes } from './display/routes.ts';
import { evaluatorRoutes } from './evaluator/routes.ts';
import { figuresRoutes } from './figures/routes.ts';
import { kioskRoutes } from './kiosk/routes.ts';
import { queueSettingsRoutes } from './settings/routes.ts';
import { ticketRoutes } from './tickets/routes.ts';

/** The front desk (GB/T 36112 order management; clauses 4.2, 6.1.3, 7; the guidance desk's inquiries are feedback/inquiries). */
export const queueRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(queueSettingsRoutes, deps);
  await app.register(ticketRoutes, deps);
  await app.register(counterRoutes, deps);
  await app.register(kioskRoutes, deps);
  await app.register(displayRoutes, deps);
  await app.register(evaluatorRoutes, deps);
  await app.register(figuresRoutes, deps);
};
