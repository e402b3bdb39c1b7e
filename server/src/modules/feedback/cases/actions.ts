import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { AppError, forbidden, invalidField } from '../../../platform/errors.ts';
import { getStaff } from '../../staff/service.ts';
import type { Satisfaction } from './kinds.ts';
import * as repo from './repository.ts';
import { caseFor, scopeOf, type ServiceDeps } from './scope.ts';
import { requireTransition, stateAfterRating, type CaseAction, type CaseState } from './workflow.ts';

/**
 * The staff actions on a case. Each is one transaction: the case locked, its scope, version and
 * state checked, the workflow asked, the change and its timeline entry written, the version raised
 * — of two people acting on one case, the later gets STALE_VERSION.
 */

export type CaseCtx = { tx: Tx; row: repo.CaseRow; principal: StaffPrincipal; now: Date; today: string };
type Outcome = { to: CaseState | 'unchanged'; patch?: Partial<repo.CaseRow>; note?: string };
type Input = { id: string; version: number; now?: Date };

export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

const staleCase = () => new AppError('STALE_VERSION', '该诉求已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function runCaseAction(deps: ServiceDeps, principal: StaffPrincipal, input: Input, action: CaseAction, body: (ctx: CaseCtx) => Promise<Outcome>): Promise<void> {
  const scope = await scopeOf(deps.db, principal);
  await deps.db.transaction(async (tx) => {
    const row = await caseFor(tx, principal, scope, input.id, { lock: true });
    const state = row.state as CaseState;
    if (action === 'rate') refuseSecondRating(row);
    // An archived record is read-only whatever the version says.
    const checkTarget = requireTransition(state, action);
    if (row.version !== input.version) throw staleCase();
    const now = input.now ?? new Date();
    const outcome = await body({ tx, row, principal, now, today: businessToday(now) });
    const to = checkTarget(outcome.to === 'unchanged' ? state : outcome.to);
    await repo.updateCase(tx, row.id, { ...outcome.patch, state: to });
    await repo.insertEvent(tx, { caseId: row.id, action, actorName: principal.displayName, actorId: principal.id, note: outcome.note ?? '', at: now });
  });
}

/** The staff member a complaint is about never handles it (A.10). */
function refuseOwnComplaint(ctx: CaseCtx) {
  if (ctx.row.staffId === ctx.principal.id) throw forbidden('被投诉（举报）的工作人员不能办理针对本人的诉求');
}

/** Complaints and reports are handled by complaint handlers or the handler assigned to them. */
function requireHandler(ctx: CaseCtx) {
  refuseOwnComplaint(ctx);
  const isSensitive = ctx.row.kind === 'complaint' || ctx.row.kind === 'report';
  if (isSensitive && !ctx.principal.permissions.has('feedback.complaint') && ctx.row.handlerId !== ctx.principal.id) {
    throw forbidden('投诉、举报由投诉处理人员或分派的经办人办理');
  }
}

export async function assignCase(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { handlerId: string; complaintScope?: 'a' | 'b'; note?: string }) {
  if (!principal.permissions.has('feedback.handle_all')) throw forbidden('只有中心管理人员可以分派诉求');
  await runCaseAction(deps, principal, input, 'assign', async (ctx) => {
    const handler = await getStaff(ctx.tx as unknown as Db, input.handlerId).catch(() => null);
    if (!handler || handler.centerId !== ctx.row.centerId || !handler.isActive) throw invalidField('handlerId', '经办人不是本中心在岗人员');
    if (handler.id === ctx.row.staffId) throw invalidField('handlerId', '不能分派给被投诉（举报）的工作人员本人');
    if (input.complaintScope && ctx.row.kind !== 'complaint') throw invalidField('complaintScope', '只有投诉需要区分投诉范围');
    return {
      to: 'assigned',
      patch: { handlerId: handler.id, ...(input.complaintScope ? { complaintScope: input.complaintScope } : {}) },
      note: `经办人：${handler.displayName}${input.note ? `；${input.note}` : ''}`,
    };
  });
}

/** 答复. A 办不成事 matter's reply says whether it was solved or is explained in writing; the enterprise then confirms. */
export async function replyCase(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { reply: string; outcome?: 'solved' | 'explained' }) {
  await runCaseAction(deps, principal, input, 'reply', async (ctx) => {
    requireHandler(ctx);
    const isUnresolved = ctx.row.kind === 'unresolved';
    if (isUnresolved && !input.outcome) throw invalidField('outcome', '请选择办理结果（已解决或书面说明）');
    if (!isUnresolved && input.outcome) throw invalidField('outcome', '只有办不成事需要登记办理结果');
    return {
      to: 'replied',
      patch: {
        reply: input.reply,
        repliedAt: ctx.now,
        repliedBy: principal.id,
        firstRepliedAt: ctx.row.firstRepliedAt ?? ctx.now,
        handlerId: ctx.row.handlerId ?? principal.id,
        satisfaction: null,
        ratedAt: null,
        ...(isUnresolved ? { outcome: input.outcome, outcomeNote: input.reply, isConfirmedByEnterprise: false } : {}),
      },
      note: input.reply,
    };
  });
}

/** The rating given by phone and typed in by staff; the submitter's own comes through the public follow-up. */
export async function rateCaseByStaff(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { satisfaction: Satisfaction }) {
  await runCaseAction(deps, principal, input, 'rate', async (ctx) => {
    refuseOwnComplaint(ctx);
    return ratingOutcome(ctx.row, input.satisfaction, ctx.now, '（电话回访登记）');
  });
}

/**
 * One rating per reply (a second → ALREADY_RATED). Dissatisfied the first time re-opens the case
 * to its handler; dissatisfied after the re-opening closes it with the rating kept.
 */
export function refuseSecondRating(row: repo.CaseRow): void {
  if (row.ratedAt && row.repliedAt && row.ratedAt >= row.repliedAt) throw new AppError('ALREADY_RATED', '该答复已评价过，不能重复评价', [{ field: 'satisfaction', message: '已评价' }]);
}

export function ratingOutcome(row: repo.CaseRow, satisfaction: Satisfaction, now: Date, suffix = ''): Outcome {
  refuseSecondRating(row);
  const to = stateAfterRating(satisfaction, row.reopenCount);
  const reopen = to === 'assigned';
  // For a 办不成事 matter the rating is the enterprise's confirmation that it was solved.
  const isConfirmed = row.kind === 'unresolved' && satisfaction !== 'dissatisfied';
  return {
    to,
    patch: { satisfaction, ratedAt: now, isConfirmedByEnterprise: isConfirmed, ...(reopen ? { reopenCount: row.reopenCount + 1 } : { closedAt: now }) },
    note: `${SATISFACTION_LABELS[satisfaction]}${suffix}${reopen ? '；诉求重新办理（限一次）' : ''}`,
  };
}

/** 办结 without a rating (the submitter did not rate, or could not be reached). */
export async function closeCase(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { note?: string }) {
  await runCaseAction(deps, principal, input, 'close', async (ctx) => {
    requireHandler(ctx);
    if (ctx.row.kind === 'unresolved' && ctx.row.outcome === 'solved' && !input.note?.trim()) {
      throw invalidField('note', '企业未确认已解决：请登记未经企业确认而办结的理由');
    }
    return { to: 'closed', patch: { closedAt: ctx.now }, note: input.note ?? '' };
  });
}

/** 归档: the record becomes read-only. */
export async function archiveCase(deps: ServiceDeps, principal: StaffPrincipal, input: Input) {
  if (!principal.permissions.has('feedback.handle_all') && !principal.permissions.has('feedback.complaint')) throw forbidden('只有中心管理人员可以归档诉求');
  await runCaseAction(deps, principal, input, 'archive', async (ctx) => ({ to: 'archived', patch: { archivedAt: ctx.now } }));
}

/** 移送纪检监察: misconduct found in a complaint or report, recorded with the body's reference number. */
export async function referCase(deps: ServiceDeps, principal: StaffPrincipal, input: Input & { referralBody: string; referralNumber: string }) {
  if (!principal.permissions.has('feedback.complaint')) throw forbidden('只有投诉处理人员可以移送纪检监察');
  await runCaseAction(deps, principal, input, 'refer', async (ctx) => {
    refuseOwnComplaint(ctx);
    if (ctx.row.kind !== 'complaint' && ctx.row.kind !== 'report') throw invalidField('referralBody', '只有投诉、举报可以移送纪检监察');
    if (ctx.row.referredAt) throw new AppError('DUPLICATE', '该诉求已移送', [{ field: 'referralNumber', message: '已移送' }]);
    return {
      to: 'unchanged',
      patch: { referralBody: input.referralBody, referralNumber: input.referralNumber, referredAt: ctx.now },
      note: `${input.referralBody}，文号 ${input.referralNumber}`,
    };
  });
}
