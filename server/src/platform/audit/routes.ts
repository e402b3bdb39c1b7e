import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { auditPage, auditQuery } from './contract.ts';
import { searchAuditEntries } from './repository.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: '检索审计日志', querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await searchAuditEntries(db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total };
    },
  );
};
