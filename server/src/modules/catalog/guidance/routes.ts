import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../platform/db/database.ts';
import { resolvePortalCenter } from '../portal/service.ts';
import { searchQuery, searchResponse } from './contract.ts';
import { searchCatalog } from './service.ts';

/** Clause 6.3.4 智能导办: the portal's search box and the guidance desk both call this. */
export const guidanceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/guidance/search',
    {
      config: { access: 'public' },
      schema: { tags: ['guidance'], summary: '智能导办：按口语化描述查找事项和一件事', querystring: searchQuery, response: { 200: searchResponse } },
    },
    async (request) => {
      const { q, limit, centerId } = request.query;
      return searchCatalog(db, await resolvePortalCenter(db, centerId), q, limit);
    },
  );
};
