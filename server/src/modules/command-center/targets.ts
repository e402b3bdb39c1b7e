import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { getFigures as evaluationFigures } from '../evaluations/figures/service.ts';
import { figuresScope } from '../evaluations/figures/scope.ts';
import type { FiguresDto as EvaluationFigures } from '../evaluations/figures/contract.ts';
import { responseFigures } from '../feedback/figures/service.ts';
import { getFigures as applicationFigures } from '../applications/figures/service.ts';
import { listApplications } from '../applications/service.ts';
import { listCenterVerificationTasks, listVerificationTasks } from '../applications/review/verifications.ts';
import { STATES } from '../applications/workflow/definition.ts';
import { getGuaranteeView } from '../appointments/service.ts';
import { getHistoryFigures, getLiveFigures } from '../queue/figures/service.ts';
import type { LiveFigures } from '../queue/figures/contract.ts';
import type { TargetDto, TargetKey } from './contract.ts';

export type Deps = { db: Db; config: Config };
export type Period = { from: string; to: string; departmentId?: string };

/** What the targets are computed from, kept for the rest of the page (trends, breakdowns, the queue now). */
export type TargetSources = { targets: TargetDto[]; ratings: EvaluationFigures; live: LiveFigures; isDepartment: boolean };

const rate = (key: TargetKey, value: number | null, numerator: number | null, denominator: number | null): TargetDto => ({
  key,
  unit: 'rate',
  value,
  target: 1,
  isMet: value === null || value >= 1,
  numerator,
  denominator,
});
const count = (key: TargetKey, value: number, isMet: boolean, numerator: number | null = null): TargetDto => ({ key, unit: 'count', value, target: 0, isMet, numerator, denominator: null });
const minutes = (key: TargetKey, today: number | null, usual: number | null): TargetDto => ({
  key,
  unit: 'minutes',
  value: today,
  target: usual,
  isMet: today === null || usual === null || today <= usual,
  numerator: null,
  denominator: null,
});

/**
 * Every target of the standard for one center (the principal's), through the figures services
 * of the modules that own them. A chief officer (or a department asked for) gets their
 * department where the source tells departments apart: ratings and callbacks, feedback, on-time
 * completion, deferred materials and commitments; the rest is the center's.
 */
export async function centerTargets(deps: Deps, principal: StaffPrincipal, period: Period, now = new Date()): Promise<TargetSources> {
  const { db } = deps;
  const centerId = principal.centerId!;
  const today = businessToday(now);
  const scope = await figuresScope(db, principal, period.departmentId);
  const departmentIds = scope.departmentIds;
  const isDepartment = departmentIds !== null;
  const inScope = (id: string | null) => departmentIds === null || (id !== null && departmentIds.includes(id));
  const [ratings, feedback, applications, guarantee, live, usual, open, commitments] = await Promise.all([
    evaluationFigures(db, principal, { from: period.from, to: period.to, groupBy: 'department', departmentId: period.departmentId }, now),
    responseFigures(deps, principal, { from: period.from, to: period.to }),
    applicationFigures(db, principal, { from: period.from, to: period.to }, now),
    getGuaranteeView(db, centerId, now),
    getLiveFigures(db, centerId, now),
    getHistoryFigures(db, centerId, { from: addDays(today, -30), to: addDays(today, -1), by: 'day' }),
    listApplications(deps, principal, { page: 1, pageSize: 5000 }, now),
    principal.roles.includes('chief_officer') && !principal.permissions.has('evaluation.callback_all')
      ? listVerificationTasks(deps, principal, now).then((rows) => rows.map((r) => ({ isOverdue: r.isOverdue, departmentId: r.application.departmentId })))
      : listCenterVerificationTasks(deps, centerId),
  ]);
  const t = ratings.totals;
  const feedbackRows = isDepartment ? feedback.departments.filter((d) => inScope(d.departmentId)) : [feedback.center];
  const inTime = feedbackRows.reduce((n, d) => n + d.answeredInTime, 0);
  const counted = feedbackRows.reduce((n, d) => n + d.answeredInTime + d.answeredLate + d.overdue, 0);
  const decidedRows = applications.byDepartment.filter((d) => inScope(d.departmentId));
  const decided = isDepartment ? decidedRows.reduce((n, d) => n + d.decided, 0) : applications.decided;
  const onTime = isDepartment ? decidedRows.reduce((n, d) => n + Math.round((d.onTimeRate ?? 0) * d.decided), 0) : applications.decidedOnTime;
  const deferredOverdue = open.items.filter((a) => a.deferralState === 'expired' && !STATES[a.state].isTerminal && inScope(a.departmentId)).length;
  const pending = commitments.filter((c) => inScope(c.departmentId));
  const overdueCommitments = pending.filter((c) => c.isOverdue).length;
  const targets: TargetDto[] = [
    rate('callback_rate', t.callbackRate, t.calledBack, t.realNameBad),
    rate('rectification_rate', t.rectificationRate, t.rectified, t.realNameBad),
    rate('feedback_response_rate', counted > 0 ? Math.round((inTime / counted) * 1000) / 1000 : null, inTime, counted),
    rate('slot_within_3_days', guarantee.share === null ? null : Math.round(guarantee.share * 1000) / 1000, guarantee.meeting, guarantee.total),
    rate('on_time_rate', decided > 0 ? Math.round((onTime / decided) * 1000) / 1000 : null, onTime, decided),
    rate('one_time_acceptance_rate', applications.acceptedWithoutSupplementRate, applications.acceptedWithoutSupplement, applications.accepted),
    count('deferred_overdue', deferredOverdue, deferredOverdue === 0),
    count('commitments_awaiting', pending.length, overdueCommitments === 0, overdueCommitments),
    minutes('wait_today', live.totals.averageWaitMinutes, usual.total.averageWaitMinutes),
    minutes('service_today', live.totals.averageServiceMinutes, usual.total.averageServiceMinutes),
  ];
  return { targets, ratings, live, isDepartment };
}
