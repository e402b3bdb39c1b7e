import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { receiveFile } from '../../../platform/files/http.ts';
import { idParam, uscc } from '../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import {
  applicationDetail,
  declineBody,
  deferralBody,
  intakeBody,
  materialMark,
  materialParams,
  refuseBody,
  supplementBody,
  supplementParams,
  versionBody,
} from '../contract.ts';
import * as decisions from '../decisions/service.ts';
import { getApplicationDetail } from '../service.ts';
import { currentTicketPrefill, lookupApplicant, receivedFromTicketInHand, MATERIAL_POLICY, markMaterial, receiveApplication, uploadMaterial } from './service.ts';

/** 综合受理: receive, record materials, and decide at the counter (accept, defer, supplement, decline). */
export const intakeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];
  const detail = (request: Parameters<typeof staffOf>[0], id: string) => getApplicationDetail(deps, staffOf(request), id);

  app.get(
    '/api/applications/intake/current-ticket',
    {
      config: { access: 'application.intake' },
      schema: {
        tags,
        summary: '当前窗口正在办理的号（用于收件预填，电话号码脱敏）',
        response: { 200: z.object({ ticketId: z.string(), displayNumber: z.string(), uscc: z.string().nullable(), phone: z.string().nullable(), itemId: z.string().nullable() }).nullable() },
      },
    },
    (request) => currentTicketPrefill(deps, staffOf(request)),
  );

  app.get(
    '/api/applications/intake/current-ticket/received',
    {
      config: { access: 'queue.serve' },
      schema: {
        tags,
        summary: '当前窗口正在办理的号已收件的事项（办结时预填办理事项）',
        response: { 200: z.object({ ticketId: z.string().nullable(), items: z.array(z.object({ number: z.string(), code: z.string(), name: z.string() })) }) },
      },
    },
    (request) => receivedFromTicketInHand(deps, staffOf(request)),
  );

  app.post(
    '/api/applications',
    { config: { access: 'application.intake', audit: 'application.receive' }, schema: { tags, summary: '收件（首办责任人为当前窗口人员）', body: intakeBody, response: { 201: applicationDetail } } },
    async (request, reply) => {
      const clerk = staffOf(request);
      const id = await receiveApplication(deps, clerk, request.body);
      request.auditObject = { type: 'application', id, detail: { source: request.body.source, channel: request.body.channel, isCommitment: request.body.isCommitment } };
      return reply.status(201).send(await getApplicationDetail(deps, clerk, id));
    },
  );

  app.post(
    '/api/applications/:id/materials/:key/file',
    {
      config: { access: 'application.intake', audit: 'application.material_upload' },
      schema: { tags, summary: '上传申请材料（PDF、JPG、PNG，按内容识别，10 MB 以内）', params: materialParams, consumes: ['multipart/form-data'], response: { 200: applicationDetail } },
    },
    async (request) => {
      const { filename, content } = await receiveFile(request, MATERIAL_POLICY);
      request.auditObject = { type: 'application', id: request.params.id, detail: { key: request.params.key, bytes: content.length } };
      await uploadMaterial(deps, staffOf(request), { applicationId: request.params.id, key: request.params.key, filename, content });
      return detail(request, request.params.id);
    },
  );

  app.put(
    '/api/applications/:id/materials/:key',
    {
      config: { access: 'application.intake', audit: 'application.material_mark' },
      schema: { tags, summary: '登记材料：纸质核验、电子证照调取、需补正或未提交', params: materialParams, body: materialMark, response: { 200: applicationDetail } },
    },
    async (request) => {
      request.auditObject = { type: 'application', id: request.params.id, detail: { key: request.params.key, status: request.body.status } };
      await markMaterial(deps, staffOf(request), { applicationId: request.params.id, key: request.params.key, mark: request.body });
      return detail(request, request.params.id);
    },
  );

  const decision = <B extends z.ZodType>(path: string, summary: string, audit: string, body: B, run: (clerk: ReturnType<typeof staffOf>, id: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/applications/:id/${path}`,
      { config: { access: 'application.intake', audit }, schema: { tags, summary, params: idParam, body, response: { 200: applicationDetail } } },
      async (request) => {
        request.auditObject = { type: 'application', id: request.params.id };
        await run(staffOf(request), request.params.id, request.body as z.output<B>);
        return detail(request, request.params.id);
      },
    );

  decision('accept', '受理（出具受理通知书，计算承诺办结日期）', 'application.accept', versionBody, (clerk, id, b) => decisions.acceptApplication(deps, clerk, { id, version: b.version }));
  decision('accept-with-deferral', '容缺受理（申请人签署承诺，出具容缺受理通知书）', 'application.accept_with_deferral', deferralBody, (clerk, id, b) =>
    decisions.acceptWithDeferral(deps, clerk, { id, version: b.version, materialKeys: b.materialKeys }),
  );
  decision('supplement', '一次性告知补正（出具补正材料告知书）', 'application.request_supplement', supplementBody, (clerk, id, b) =>
    decisions.requestSupplement(deps, clerk, { id, version: b.version, items: b.items, deadlineDays: b.deadlineDays, reason: b.reason }),
  );
  decision('resubmit', '申请人补正后重新收件', 'application.resubmit', versionBody, (clerk, id, b) => decisions.resubmit(deps, clerk, { id, version: b.version }));
  decision('decline', '不予受理（出具不予受理通知书）', 'application.decline', declineBody, (clerk, id, b) =>
    decisions.declineApplication(deps, clerk, { id, version: b.version, reason: b.reason, remedies: b.remedies }),
  );
  decision('supplement-received', '收到审查阶段的补正材料（恢复计时）', 'application.supplement_received', versionBody, (clerk, id, b) =>
    decisions.supplementReceived(deps, clerk, { id, version: b.version }),
  );
  decision('deferred-supplied', '容缺材料已补齐', 'application.supply_deferred', versionBody, (clerk, id, b) => decisions.supplyDeferred(deps, clerk, { id, version: b.version }));

  for (const [path, isApproved] of [['approve', true], ['refuse', false]] as const) {
    app.post(
      `/api/applications/:id/supplements/:supplementId/${path}`,
      {
        config: { access: 'application.approve_second_supplement', audit: `application.${isApproved ? 'approve' : 'refuse'}_supplement` },
        schema: { tags, summary: isApproved ? '批准再次补正' : '不同意再次补正', params: supplementParams, body: isApproved ? versionBody : refuseBody, response: { 200: applicationDetail } },
      },
      async (request) => {
        request.auditObject = { type: 'application', id: request.params.id, detail: { supplementId: request.params.supplementId } };
        const body = request.body as { version: number; reason?: string };
        await decisions.decideSupplement(deps, staffOf(request), { id: request.params.id, supplementId: request.params.supplementId, version: body.version, isApproved, reason: body.reason });
        return detail(request, request.params.id);
      },
    );
  }

  // The applicant lookup the intake form does while typing the code.
  app.get(
    '/api/applications/intake/applicant',
    {
      config: { access: 'application.intake' },
      schema: { tags, summary: '按统一社会信用代码查询申请人', querystring: z.strictObject({ uscc }), response: { 200: z.object({ uscc: z.string(), name: z.string().nullable(), isRegistered: z.boolean(), mayUseCommitment: z.object({ allowed: z.boolean(), reason: z.string().optional() }), mayUseDeferredMaterials: z.object({ allowed: z.boolean(), reason: z.string().optional() }) }) } },
    },
    (request) => lookupApplicant(deps, request.query.uscc),
  );
};
