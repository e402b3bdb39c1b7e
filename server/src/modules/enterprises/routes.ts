import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { creditRoutes } from './credit/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { portalProfileRoutes } from './portal/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { toolRoutes } from './tools/routes.ts';

/** Enterprises, people, credit records and the public self-check tools. */
export const enterpriseRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, deps) => {
  await app.register(toolRoutes);
  await app.register(registryRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(creditRoutes, deps);
  await app.register(portalProfileRoutes, deps);
};
