import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { readDbOf } from '../../../platform/db/database.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { figuresDto, figuresQuery } from './contract.ts';
import { getFigures } from './service.ts';

/** Evaluations — the figures of ratings, callbacks and rectification. */
export const figuresRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { database }) => {
  const db = readDbOf(database); // a read replica when DATABASE_READ_URL is set
  app.get(
    '/api/evaluation-figures',
    {
      config: { access: 'evaluation.figures' },
      schema: {
        tags: ['evaluations'],
        summary: '好差评统计：好评率、差评率、主动评价率、未评价率、差评回访率与整改率（目标 100%）及未达标清单',
        querystring: figuresQuery,
        response: { 200: figuresDto },
      },
    },
    (request) => getFigures(db, staffOf(request), request.query),
  );
};
