import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { appealRoutes } from './appeals/routes.ts';
import { callbackRoutes } from './callbacks/routes.ts';
import { disclosureRoutes } from './disclosure/routes.ts';
import { exportRoutes } from './export/routes.ts';
import { figuresRoutes } from './figures/routes.ts';
import { ratingRoutes } from './ratings/routes.ts';

/** Evaluations (clause 9.1, GB/T 39734): ratings, callbacks and rectification, appeals, figures, disclosure, export. */
export const evaluationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(ratingRoutes, deps);
  await app.register(callbackRoutes, deps);
  await app.register(appealRoutes, deps);
  await app.register(figuresRoutes, deps);
  await app.register(disclosureRoutes, deps);
  await app.register(exportRoutes, deps);
};
