import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam } from '../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { applicationDetail, applicationSummary, deliveriesQuery, deliveryDto, handOverBody, mailBody, versionBody } from '../contract.ts';
import { getApplicationDetail } from '../service.ts';
import { confirmDelivery, deliverElectronically, handOver, listDeliveries, mailResult } from './service.ts';

/** 综合发证: the delivery counter's list and its four ways of handing over. */
export const deliveryRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];

  app.get(
    '/api/deliveries',
    {
      config: { access: 'application.deliver' },
      schema: {
        tags,
        summary: '待领取和寄送中的办件结果（可按办件编号、申请人、统一社会信用代码或事项搜索）',
        querystring: deliveriesQuery,
        response: { 200: z.array(z.object({ delivery: deliveryDto, application: applicationSummary })) },
      },
    },
    (request) => listDeliveries(deps, staffOf(request), request.query),
  );

  const action = <B extends z.ZodType>(path: string, summary: string, audit: string, body: B, run: (clerk: ReturnType<typeof staffOf>, id: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/applications/:id/delivery/${path}`,
      { config: { access: 'application.deliver', audit }, schema: { tags, summary, params: idParam, body, response: { 200: applicationDetail } } },
      async (request) => {
        request.auditObject = { type: 'application', id: request.params.id };
        const clerk = staffOf(request);
        await run(clerk, request.params.id, request.body as z.output<B>);
        return getApplicationDetail(deps, clerk, request.params.id);
      },
    );
  action('hand-over', '窗口领取（核对取件码）', 'application.hand_over', handOverBody, (c, id, b) => handOver(deps, c, { id, version: b.version, pickupCode: b.pickupCode }));
  action('mail', '邮寄送达（登记地址、快递公司和运单号）', 'application.mail', mailBody, (c, id, b) => mailResult(deps, c, { id, ...b }));
  action('confirm', '确认邮件签收', 'application.confirm_delivery', versionBody, (c, id, b) => confirmDelivery(deps, c, { id, version: b.version }));
  action('electronic', '电子送达（电子证照）', 'application.deliver_electronically', versionBody, (c, id, b) => deliverElectronically(deps, c, { id, version: b.version }));
};
