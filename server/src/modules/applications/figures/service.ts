import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import type { FiguresDto } from '../contract.ts';
import { toSummary, viewOf } from '../summary.ts';
import { APPLICATION_STATES, STATES, type ApplicationState } from '../workflow/definition.ts';
import * as figuresRepo from './repository.ts';

/**
 * The figures a manager watches (A.7, 9.1): the share decided within the promised limit, the share
 * accepted without any supplement (one-time notice working), applications per state and
 * department, deemed acceptances, second supplements, and the overdue list.
 */
export async function getFigures(db: Db, principal: StaffPrincipal, q: { from?: string; to?: string }, now = new Date()): Promise<FiguresDto> {
  if (!principal.centerId) throw new AppError('FORBIDDEN', '您未被分配到服务中心');
  const today = businessToday(now);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw invalidField('from', '开始日期不能晚于结束日期');
  const centerId = principal.centerId;
  const view = await viewOf(db, centerId, now);
  const openStates = APPLICATION_STATES.filter((s) => STATES[s].isClockRunning || STATES[s].isClockPaused);
  const [intake, decisions, seconds, states, open] = await Promise.all([
    figuresRepo.intakeCounts(db, centerId, from, to),
    figuresRepo.decisionCounts(db, centerId, from, to),
    figuresRepo.secondSupplementCount(db, centerId, from, to),
    figuresRepo.stateCounts(db, centerId),
    figuresRepo.openItems(db, centerId, openStates),
  ]);
  const openSummaries = open.map((a) => toSummary(a, view));
  const departmentIds = new Set([...decisions.map((d) => d.departmentId), ...openSummaries.map((s) => s.departmentId)]);
  const byDepartment = [...departmentIds]
    .map((departmentId) => {
      const mine = openSummaries.filter((s) => s.departmentId === departmentId);
      const d = decisions.find((x) => x.departmentId === departmentId);
      return {
        departmentId,
        departmentName: view.names.get(departmentId) ?? '',
        open: mine.length,
        warning: mine.filter((s) => s.due.status === 'warning').length,
        overdue: mine.filter((s) => s.due.status === 'overdue').length,
        decided: d?.decided ?? 0,
        onTimeRate: d && d.decided > 0 ? round(d.onTime / d.decided) : null,
      };
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  const decided = decisions.reduce((n, d) => n + d.decided, 0);
  const decidedOnTime = decisions.reduce((n, d) => n + d.onTime, 0);
  const counts = new Map(states.map((s) => [s.state, s.n]));
  return {
    from,
    to,
    received: intake.received,
    accepted: intake.accepted,
    acceptedWithoutSupplement: intake.acceptedWithoutSupplement,
    acceptedWithoutSupplementRate: intake.accepted > 0 ? round(intake.acceptedWithoutSupplement / intake.accepted) : null,
    decided,
    decidedOnTime,
    onTimeRate: decided > 0 ? round(decidedOnTime / decided) : null,
    deemedAccepted: intake.deemedAccepted,
    secondSupplements: seconds,
    byState: APPLICATION_STATES.map((state: ApplicationState) => ({ state, label: STATES[state].label, count: counts.get(state) ?? 0 })),
    byDepartment,
    overdue: openSummaries.filter((s) => s.due.status === 'overdue').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
