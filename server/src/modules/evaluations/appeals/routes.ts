import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — appeals against a review and their decision (申诉复核). */
export const appealRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
