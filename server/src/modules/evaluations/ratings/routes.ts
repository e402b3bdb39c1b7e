import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — ratings: every channel (evaluator, QR/H5 link, SMS link, portal, kiosk, phone entry), 追评, the default 基本满意. */
export const ratingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
