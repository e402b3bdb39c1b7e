import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { resolvePortalCenter } from '../../catalog/portal/service.ts';
import { disclosureDto, disclosureQuery } from './contract.ts';
import { getDisclosure } from './service.ts';

/** Evaluations — the public disclosure page (9.1.1: 通报). Read-only: nothing here changes state. */
export const disclosureRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/portal/evaluation-disclosure',
    {
      config: { access: 'public' },
      schema: {
        tags: ['evaluations'],
        summary: '评价公示：某月各部门、各窗口的评价情况和差评整改情况（不含个人信息）',
        querystring: disclosureQuery,
        response: { 200: disclosureDto },
      },
    },
    async (request) => getDisclosure(db, await resolvePortalCenter(db, request.query.centerId), request.query),
  );
};
