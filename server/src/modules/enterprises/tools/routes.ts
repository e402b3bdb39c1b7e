import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explainUscc } from '../../../lib/uscc.ts';
import { AppError } from '../../../platform/errors.ts';
import { industryNode, industryRef, sizeAnswer, sizeQuery, usccCheck } from '../contract.ts';
import { industryTree, lookupIndustry } from '../industry/industry-codes.ts';
import { selfCheckSize } from './service.ts';

/** Public self-check tools, on the portal and as an API for other systems. */
export const toolRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tools'];

  app.get(
    '/api/uscc/:code/check',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '统一社会信用代码校验（公开）：说明出错的位置或校验码；小写按大写处理',
        params: z.strictObject({ code: z.string().max(64) }),
        response: { 200: usccCheck },
      },
    },
    (request) => {
      const { valid, reason, code, position } = explainUscc(request.params.code);
      return { valid, reason, code, position };
    },
  );

  app.get(
    '/api/enterprise-size',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '企业规模自测（公开）：按国统字〔2017〕213号划分大中小微，并说明理由',
        querystring: sizeQuery,
        response: { 200: sizeAnswer },
      },
    },
    (request) => selfCheckSize(request.query),
  );

  app.get(
    '/api/industries',
    { config: { access: 'public' }, schema: { tags, summary: '国民经济行业分类（GB/T 4754-2017）代码表', response: { 200: z.array(industryNode) } } },
    () => industryTree(),
  );

  app.get(
    '/api/industries/:code',
    {
      config: { access: 'public' },
      schema: { tags, summary: '查询一个行业代码', params: z.strictObject({ code: z.string().max(10) }), response: { 200: industryRef } },
    },
    (request) => {
      const found = lookupIndustry(request.params.code);
      if (!found.ok) throw new AppError('INDUSTRY_UNKNOWN', found.reason, [{ field: 'code', message: found.reason }]);
      return { code: found.industry.code, name: found.industry.name, path: found.industry.path };
    },
  );
};
