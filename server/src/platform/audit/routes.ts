import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { auditAnchor, auditAnchorQuery, auditPage, auditQuery } from './contract.ts';
import { staffOf } from '../auth/plugin.ts';
import { searchAuditEntries } from './repository.ts';
import { listAnchors } from './verify.ts';

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
        centers: staffOf(request).centerScope,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total };
    },
  );

  app.get(
    '/api/audit/anchors',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志的日锚点（每天各链最后一条记录的封印），供导出到数据库之外保存',
        querystring: auditAnchorQuery,
        response: { 200: z.array(auditAnchor) },
      },
    },
    async (request) => (await listAnchors(db, request.query.from)).map((a) => ({ ...a, chains: a.chains as [number, number, string][] })),
  );
};
