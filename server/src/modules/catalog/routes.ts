import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database.ts';
import { bundleRoutes } from './bundles/routes.ts';
import { guidanceRoutes } from './guidance/routes.ts';
import { importExportRoutes } from './import-export/routes.ts';
import { itemRoutes } from './items/routes.ts';
import { portalRoutes } from './portal/routes.ts';

/** Clause 6.1.1, 6.3.1, 6.3.4, A.3: the service catalog, its public pages and smart guidance. */
export const catalogRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(itemRoutes, { db });
  await app.register(bundleRoutes, { db });
  await app.register(importExportRoutes, { db });
  await app.register(portalRoutes, { db });
  await app.register(guidanceRoutes, { db });
};
