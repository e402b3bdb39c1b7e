import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { ok } from '../http/schemas.ts';
import { jobList, jobParams, runPage, runQuery } from './contract.ts';
import * as jobs from './service.ts';

/** The job runs page (任务运行记录) for administrators. */
export const jobRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  const tags = ['jobs'];
  app.get(
    '/api/jobs',
    { config: { access: 'job.manage' }, schema: { tags, summary: '定时任务及其最近一次运行', response: { 200: jobList } } },
    async () => ({ items: await jobs.listJobs(db) }),
  );
  app.get(
    '/api/jobs/runs',
    { config: { access: 'job.manage' }, schema: { tags, summary: '任务运行记录', querystring: runQuery, response: { 200: runPage } } },
    (request) => {
      const q = request.query;
      return jobs.searchRuns(db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
    },
  );
  app.post(
    '/api/jobs/:name/run',
    {
      config: { access: 'job.manage', audit: 'job.run' },
      schema: { tags, summary: '立即运行一次任务（由空闲的调度进程执行）', params: jobParams, response: { 202: ok } },
    },
    async (request, reply) => {
      const p = request.principal;
      const by = p?.type === 'staff' ? `${p.displayName}（${p.username}）` : '';
      await jobs.runJobNow(db, request.params.name, by);
      request.auditObject = { type: 'job', id: request.params.name };
      return reply.status(202).send({ ok: true as const });
    },
  );
};
