import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — export of ratings in the Guangdong evaluator-record layout. */
export const exportRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
