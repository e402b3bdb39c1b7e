import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — the figures of ratings, callbacks and rectification. */
export const figuresRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
