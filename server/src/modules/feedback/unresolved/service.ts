import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, forbidden, invalidField } from '../../../platform/errors.ts';
import { getDepartment } from '../../staff/service.ts';
import { runCaseAction } from '../cases/actions.ts';
import * as repo from '../cases/repository.ts';
import { directoryOf, scopeOf, type ServiceDeps } from '../cases/scope.ts';
import { dayOf, startOfDay, toSummary, toTaskDto } from '../cases/views.ts';
import { CAUSE_LABELS, UNRESOLVED_CAUSES, type UnresolvedCause } from '../cases/kinds.ts';

/**
 * 办不成事反映窗口 (9.2): the desk takes what could not be done and why, sends coordination
 * tasks to one or more departments with deadlines, and keeps the ledger until the matter is
 * solved (confirmed by the enterprise, or closed with a recorded reason) or explained in writing.
 */

/** The desk is worked by the center's managers and by the clerk of an `unresolved` counter. */
export async function requireDesk(db: Db, principal: StaffPrincipal): Promise<void> {
  if (principal.permissions.has('feedback.handle_all')) return;
  const scope = await scopeOf(db, principal);
  if (scope.kind !== 'own' || !scope.isUnresolvedDesk) throw forbidden('只有“办不成事”反映窗口人员可以操作');
}

export async function isDeskStaff(db: Db, principal: StaffPrincipal): Promise<boolean> {
  return requireDesk(db, principal).then(
    () => true,
    () => false,
  );
}

export async function addTasks(deps: ServiceDeps, principal: StaffPrincipal, input: { id: string; version: number; tasks: { departmentId: string; request: string; dueOn: string }[] }) {
  await requireDesk(deps.db, principal);
  await runCaseAction(deps, principal, input, 'add_task', async (ctx) => {
    if (ctx.row.kind !== 'unresolved') throw invalidField('tasks', '只有办不成事可以发起部门协调');
    const seen = new Set<string>();
    const names: string[] = [];
    for (const [i, t] of input.tasks.entries()) {
      const department = await getDepartment(ctx.tx as unknown as Db, t.departmentId).catch(() => null);
      if (!department || department.centerId !== ctx.row.centerId) throw invalidField(`tasks.${i}.departmentId`, '部门不是本中心的进驻部门');
      if (seen.has(t.departmentId)) throw invalidField(`tasks.${i}.departmentId`, '同一部门只需发起一次协调');
      if (t.dueOn < ctx.today) throw invalidField(`tasks.${i}.dueOn`, '协调期限不能早于今天');
      seen.add(t.departmentId);
      names.push(`${department.name}（${t.dueOn} 前）`);
      await repo.insertTask(ctx.tx, { caseId: ctx.row.id, departmentId: t.departmentId, request: t.request, dueOn: t.dueOn, createdAt: ctx.now });
    }
    return { to: 'assigned', patch: { handlerId: ctx.row.handlerId ?? principal.id }, note: `协调部门：${names.join('、')}` };
  });
}

/** A department's answer to its coordination task (its chief officer or staff), once. */
export async function answerTask(deps: ServiceDeps, principal: StaffPrincipal, input: { id: string; version: number; taskId: string; answer: string }) {
  await runCaseAction(deps, principal, input, 'answer_task', async (ctx) => {
    const task = await repo.findTask(ctx.tx, input.taskId);
    if (!task || task.caseId !== ctx.row.id) throw invalidField('taskId', '协调任务不存在');
    const isDesk = principal.permissions.has('feedback.handle_all');
    if (!isDesk && task.departmentId !== principal.departmentId) throw forbidden('只能反馈本部门的协调任务');
    if (!(await repo.answerTask(ctx.tx, task.id, { answer: input.answer, answeredAt: ctx.now, answeredBy: principal.id }))) {
      throw new AppError('DUPLICATE', '该协调任务已反馈', [{ field: 'answer', message: '已反馈' }]);
    }
    const department = await getDepartment(ctx.tx as unknown as Db, task.departmentId);
    return { to: 'unchanged', note: `${department.name}：${input.answer}` };
  });
}

/** The ledger: every 办不成事 matter of the period with its tasks. */
export async function listLedger(deps: ServiceDeps, principal: StaffPrincipal, q: { from: string; to: string; state?: 'open' | 'closed' }) {
  await requireDesk(deps.db, principal);
  const centerId = principal.centerId!;
  const rows = (await repo.listCasesReceived(deps.db, { centerId, from: startOfDay(q.from), to: startOfDay(q.to, 1), kind: 'unresolved' })).filter((r) =>
    q.state === 'open' ? r.state !== 'closed' && r.state !== 'archived' : q.state === 'closed' ? r.state === 'closed' || r.state === 'archived' : true,
  );
  const [dir, calendar, tasks] = await Promise.all([directoryOf(deps.db, centerId), loadCalendar(deps.db), repo.listTasks(deps.db, rows.map((r) => r.id))]);
  const today = businessToday();
  return {
    items: rows.map((r) => ({
      ...toSummary(r, dir, calendar, today),
      outcome: r.outcome as 'solved' | 'explained' | null,
      isConfirmedByEnterprise: r.isConfirmedByEnterprise,
      tasks: tasks.filter((t) => t.caseId === r.id).map((t) => toTaskDto(t, dir, today)),
    })),
    figures: unresolvedFigures(rows, tasks, (id) => dir.department(id)),
  };
}

type Group = { key: string; label: string; matters: number; solved: number; explained: number; open: number; solvedShare: number | null; averageDaysToSolve: number | null };

/** Matters, solved share and days to solve (calendar days from intake to closing), by cause and by department asked. */
export function unresolvedFigures(rows: repo.CaseRow[], tasks: repo.TaskRow[], departmentName: (id: string) => string) {
  const summarize = (key: string, label: string, of: repo.CaseRow[]): Group => {
    const solved = of.filter((r) => r.closedAt && r.outcome === 'solved');
    const explained = of.filter((r) => r.closedAt && r.outcome === 'explained').length;
    const days = solved.map((r) => (startOfDay(dayOf(r.closedAt!)).getTime() - startOfDay(dayOf(r.receivedAt)).getTime()) / 86_400_000);
    return {
      key,
      label,
      matters: of.length,
      solved: solved.length,
      explained,
      open: of.filter((r) => !r.closedAt).length,
      solvedShare: of.length ? Math.round((solved.length / of.length) * 1000) / 10 : null,
      averageDaysToSolve: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    };
  };
  const byCause = UNRESOLVED_CAUSES.map((c) => summarize(c, CAUSE_LABELS[c as UnresolvedCause], rows.filter((r) => r.cause === c))).filter((g) => g.matters > 0);
  const departmentIds = [...new Set(tasks.map((t) => t.departmentId))];
  const byDepartment = departmentIds.map((d) => {
    const caseIds = new Set(tasks.filter((t) => t.departmentId === d).map((t) => t.caseId));
    return summarize(d, departmentName(d), rows.filter((r) => caseIds.has(r.id)));
  });
  return { total: summarize('all', '合计', rows), byCause, byDepartment };
}
