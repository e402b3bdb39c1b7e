import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { receiveFile, sendFile } from '../../../platform/files/http.ts';
import { idParam, version } from '../../../platform/http/schemas.ts';
import { EVIDENCE_POLICY } from './actions.ts';
import { callbackAlerts, callbackDetail, callbackListQuery, callbackPage, contactBody, doneBody, evidenceParams, reRatingBody, rectifyBody, verifyBody, versionBody } from './contract.ts';
import {
  addEvidence,
  closeCallback,
  enterReRating,
  evidenceFile,
  getCallbackDetail,
  listCallbackAlerts,
  listCallbacks,
  markRectificationDone,
  recordContact,
  revealRaterPhone,
  startRectification,
  verifyCallback,
} from './service.ts';

/** Evaluations — callbacks of bad reviews, their contacts, verification and rectification (9.1.2). */
export const callbackRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['evaluations'];
  const access = 'evaluation.callback';

  app.get(
    '/api/evaluations/callbacks',
    { config: { access }, schema: { tags, summary: '差评回访列表（本部门或全中心；按状态、逾期、部门、期间筛选）', querystring: callbackListQuery, response: { 200: callbackPage } } },
    (request) => listCallbacks(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/evaluations/callbacks/alerts',
    { config: { access }, schema: { tags, summary: '差评回访逾期提醒（已提醒、尚未办结）', response: { 200: callbackAlerts } } },
    (request) => listCallbackAlerts(deps, staffOf(request)),
  );
  app.get(
    '/api/evaluations/callbacks/:id',
    { config: { access }, schema: { tags, summary: '差评回访详情：评价、回访记录、核实、整改台账、再评价、时间线', params: idParam, response: { 200: callbackDetail } } },
    (request) => getCallbackDetail(deps, staffOf(request), request.params.id),
  );
  app.get(
    '/api/evaluations/callbacks/:id/evidence/:fileId',
    { config: { access }, schema: { tags, summary: '下载整改佐证材料', params: evidenceParams } },
    async (request, reply) => {
      const file = await evidenceFile(deps, staffOf(request), request.params.id, request.params.fileId);
      return sendFile(reply, file, { disposition: 'inline', asciiName: 'evidence', cacheControl: 'private, no-store' });
    },
  );
  app.post(
    '/api/evaluations/callbacks/:id/rater-phone',
    {
      config: { access, audit: 'evaluation.callback_phone' },
      schema: { tags, summary: '查看评价人完整电话以便回访（记入审计日志）', params: idParam, response: { 200: z.object({ phone: z.string() }) } },
    },
    async (request) => {
      request.auditObject = { type: 'callback', id: request.params.id };
      return revealRaterPhone(deps, staffOf(request), request.params.id);
    },
  );

  const action = <B extends z.ZodType>(path: string, summary: string, audit: string, body: B, run: (clerk: ReturnType<typeof staffOf>, id: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/evaluations/callbacks/:id/${path}`,
      { config: { access, audit }, schema: { tags, summary, params: idParam, body, response: { 200: callbackDetail } } },
      async (request) => {
        request.auditObject = { type: 'callback', id: request.params.id };
        const clerk = staffOf(request);
        await run(clerk, request.params.id, request.body as z.output<B>);
        return getCallbackDetail(deps, clerk, request.params.id);
      },
    );
  action('contacts', '登记回访（方式、是否联系上、情况）', 'evaluation.callback_contact', contactBody, (c, id, b) => recordContact(deps, c, { id, ...b }));
  action('verify', '核实差评（属实、部分属实、不属实）', 'evaluation.callback_verify', verifyBody, (c, id, b) => verifyCallback(deps, c, { id, ...b }));
  action('rectification', '登记整改（措施、责任人、期限、公示摘要）', 'evaluation.rectify', rectifyBody, (c, id, b) => startRectification(deps, c, { id, ...b }));
  action('rectification/done', '整改完成（登记整改结果）', 'evaluation.rectification_done', doneBody, (c, id, b) => markRectificationDone(deps, c, { id, ...b }));
  action('re-rating', '登记整改后再评价（电话回访所得）', 'evaluation.re_rating', reRatingBody, (c, id, b) => enterReRating(deps, c, { id, ...b }));
  action('close', '办结回访', 'evaluation.callback_close', versionBody, (c, id, b) => closeCallback(deps, c, { id, version: b.version }));

  app.post(
    '/api/evaluations/callbacks/:id/rectification/evidence',
    {
      config: { access, audit: 'evaluation.rectification_evidence' },
      schema: {
        tags,
        summary: '上传整改佐证（PDF、JPG、PNG，按内容识别，10 MB 以内）',
        params: idParam,
        querystring: z.strictObject({ version: z.coerce.number().pipe(version) }),
        consumes: ['multipart/form-data'],
        response: { 200: callbackDetail },
      },
    },
    async (request) => {
      const { filename, content } = await receiveFile(request, EVIDENCE_POLICY);
      request.auditObject = { type: 'callback', id: request.params.id, detail: { bytes: content.length } };
      const clerk = staffOf(request);
      await addEvidence(deps, clerk, { id: request.params.id, version: request.query.version, filename, content });
      return getCallbackDetail(deps, clerk, request.params.id);
    },
  );
};
