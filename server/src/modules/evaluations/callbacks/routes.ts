import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — callbacks of bad reviews, their contacts, verification and rectification (9.1.2). */
export const callbackRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
