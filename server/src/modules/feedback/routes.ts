import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { figuresRoutes } from './figures/routes.ts';
import { improvementRoutes } from './improvements/routes.ts';
import { inquiryRoutes } from './inquiries/routes.ts';
import { experienceRoutes } from './experience/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { unresolvedRoutes } from './unresolved/routes.ts';

/** Enterprise feedback (5.1.4, 9.1.1, 9.2, 9.3, 9.4, A.1, A.2, A.10): cases and complaints, the 办不成事 desk, response-rate figures, improvements, experience officers, first inquiries and their violations, satisfaction surveys, self-evaluation and third-party evaluation reports. */
export const feedbackRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(caseRoutes, deps);
  await app.register(unresolvedRoutes, deps);
  await app.register(figuresRoutes, deps);
  await app.register(improvementRoutes, deps);
  await app.register(inquiryRoutes, deps);
  await app.register(experienceRoutes, deps);
  await app.register(surveyRoutes, deps);
  await app.register(assessmentRoutes, deps);
};
