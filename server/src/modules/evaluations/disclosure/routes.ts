import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';

/** Evaluations — the public disclosure page (9.1.1: 通报). */
export const disclosureRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
