import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../../platform/auth/plugin.ts';
import { idParam, version } from '../../../platform/http/schemas.ts';
import type { ModuleDeps } from '../../../platform/http/module-deps.ts';
import {
  applicationDetail,
  applicationSummary,
  approveBody,
  leadDecisionBody,
  queueEntry,
  queueQuery,
  reassignBody,
  rejectBody,
  returnBody,
  specialEndBody,
  specialStartBody,
  taskParams,
  verifyBody,
} from '../contract.ts';
import { verifyCommitment } from '../decisions/commitment.ts';
import { getApplicationDetail, leadDecisions, reviewQueue } from '../service.ts';
import { approveTask, decideAsLead, listReviewers, reassignTask, rejectTask, returnForSupplement, takeTask } from './service.ts';
import { endSpecialProcedure, startSpecialProcedure } from './special.ts';
import { listVerificationTasks, verificationEntry } from './verifications.ts';

/** 后台审批: the department's queue, task decisions, special procedures, joint review's lead decisions, commitment checks. */
export const reviewRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const tags = ['applications'];

  app.get(
    '/api/review/queue',
    { config: { access: 'application.review' }, schema: { tags, summary: '后台审查队列（按办结期限着色：正常、预警、超期）', querystring: queueQuery, response: { 200: z.array(queueEntry) } } },
    (request) => reviewQueue(deps, staffOf(request), request.query),
  );
  app.get(
    '/api/review/lead-decisions',
    { config: { access: 'application.review' }, schema: { tags, summary: '待本部门（牵头部门）决定的联审办件', response: { 200: z.array(applicationSummary) } } },
    (request) => leadDecisions(deps, staffOf(request)),
  );
  app.get(
    '/api/review/verifications',
    { config: { access: 'application.review' }, schema: { tags, summary: '本部门待核查的告知承诺', response: { 200: z.array(verificationEntry) } } },
    (request) => listVerificationTasks(deps, staffOf(request)),
  );
  app.get(
    '/api/review/reviewers',
    {
      config: { access: 'application.department' },
      schema: { tags, summary: '本部门审批人员（改派用）', response: { 200: z.array(z.object({ id: z.string(), displayName: z.string() })) } },
    },
    (request) => listReviewers(deps, staffOf(request)),
  );

  const taskAction = <B extends z.ZodType>(path: string, summary: string, audit: string, access: 'application.review' | 'application.department', body: B, run: (reviewer: ReturnType<typeof staffOf>, taskId: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/review/tasks/:taskId/${path}`,
      { config: { access, audit }, schema: { tags, summary, params: taskParams, body, response: { 204: z.null() } } },
      async (request, reply) => {
        request.auditObject = { type: 'review_task', id: request.params.taskId };
        await run(staffOf(request), request.params.taskId, request.body as z.output<B>);
        return reply.status(204).send(null);
      },
    );
  taskAction('take', '领取审查任务', 'application.take', 'application.review', z.strictObject({ version }), (r, taskId, b) => takeTask(deps, r, { taskId, version: b.version }));
  taskAction('approve', '审查通过（全部部门通过后作出准予决定，电子证照同步归集）', 'application.approve', 'application.review', approveBody, (r, taskId, b) =>
    approveTask(deps, r, { taskId, version: b.version, opinion: b.opinion, licenseTypeCode: b.licenseTypeCode, licenseSite: b.licenseSite }),
  );
  taskAction('reject', '审查不通过（联审时交牵头部门决定）', 'application.reject', 'application.review', rejectBody, (r, taskId, b) => rejectTask(deps, r, { taskId, version: b.version, opinion: b.opinion }));
  taskAction('return', '退回补正（补正期间暂停计时）', 'application.return_for_supplement', 'application.review', returnBody, (r, taskId, b) =>
    returnForSupplement(deps, r, { taskId, version: b.version, items: b.items, deadlineDays: b.deadlineDays, reason: b.reason }),
  );
  taskAction('reassign', '改派审查人（首席事务代表）', 'application.reassign', 'application.department', reassignBody, (r, taskId, b) => reassignTask(deps, r, { taskId, version: b.version, assigneeId: b.assigneeId }));

  const appAction = <B extends z.ZodType>(path: string, summary: string, audit: string, body: B, run: (reviewer: ReturnType<typeof staffOf>, id: string, body: z.output<B>) => Promise<void>) =>
    app.post(
      `/api/applications/:id/${path}`,
      { config: { access: 'application.review', audit }, schema: { tags, summary, params: idParam, body, response: { 200: applicationDetail } } },
      async (request) => {
        request.auditObject = { type: 'application', id: request.params.id };
        const reviewer = staffOf(request);
        await run(reviewer, request.params.id, request.body as z.output<B>);
        return getApplicationDetail(deps, reviewer, request.params.id);
      },
    );
  appAction('lead-decision', '牵头部门决定：维持不予许可或退回重新审查', 'application.lead_decision', leadDecisionBody, (r, id, b) =>
    decideAsLead(deps, r, { id, version: b.version, decision: b.decision, opinion: b.opinion }),
  );
  appAction('special-procedures', '启动特别程序（专家评审、听证、现场核查；暂停计时）', 'application.start_special_procedure', specialStartBody, (r, id, b) =>
    startSpecialProcedure(deps, r, { id, version: b.version, kind: b.kind, reason: b.reason, maxDays: b.maxDays }),
  );
  appAction('special-procedures/end', '结束特别程序（恢复计时）', 'application.end_special_procedure', specialEndBody, (r, id, b) =>
    endSpecialProcedure(deps, { kind: 'staff', principal: r }, { id, version: b.version, outcome: b.outcome }),
  );
  appAction('commitment-verification', '告知承诺核查（不实则撤销决定并记入信用记录）', 'application.verify_commitment', verifyBody, (r, id, b) =>
    verifyCommitment(deps, r, { id, version: b.version, isTrue: b.isTrue, note: b.note }),
  );
};
