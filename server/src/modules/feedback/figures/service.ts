import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { invalidField } from '../../../platform/errors.ts';
import { normalizePhone } from '../../../platform/personal-data/personal-data.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { getCenter } from '../../venue/service.ts';
import { getDepartment } from '../../staff/service.ts';
import { KIND_LABELS, type FeedbackKind } from '../cases/kinds.ts';
import * as repo from '../cases/repository.ts';
import { directoryOf, type ServiceDeps } from '../cases/scope.ts';
import { isAnsweredInTime, isOverdue, startOfDay } from '../cases/views.ts';

/**
 * 诉求响应率 (5.1.4: every chief officer answers for 100 %). A case counts once its due date has
 * come or it was answered: answered in time (first reply on or before the due date) over those
 * counted. Cases still within their limit and unanswered are "pending" and count for nobody yet.
 */
export const RESPONSE_RATE_TARGET = 100;

type Row = { departmentId: string | null; departmentName: string; received: number; answeredInTime: number; answeredLate: number; overdue: number; pending: number; rate: number | null; isTargetMet: boolean };

export function responseRow(cases: readonly repo.CaseRow[], today: string, departmentId: string | null, departmentName: string): Row {
  let answeredInTime = 0;
  let answeredLate = 0;
  let overdue = 0;
  let pending = 0;
  for (const c of cases) {
    const inTime = isAnsweredInTime(c);
    if (inTime === true) answeredInTime += 1;
    else if (inTime === false) answeredLate += 1;
    else if (isOverdue(c, today)) overdue += 1;
    else pending += 1;
  }
  const counted = answeredInTime + answeredLate + overdue;
  const rate = counted ? Math.round((answeredInTime / counted) * 1000) / 10 : null;
  return { departmentId, departmentName, received: cases.length, answeredInTime, answeredLate, overdue, pending, rate, isTargetMet: rate === null || rate >= RESPONSE_RATE_TARGET };
}

/** The figures of a period: the center and each department; chief officers see their own department only. */
export async function responseFigures(deps: ServiceDeps, principal: StaffPrincipal, q: { from: string; to: string }) {
  if (q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  const centerId = principal.centerId;
  if (!centerId) throw invalidField('centerId', '您的账号没有所属中心');
  const isDepartmentOnly = !principal.permissions.has('feedback.handle_all') && !principal.permissions.has('audit.read');
  if (isDepartmentOnly && !principal.departmentId) throw invalidField('departmentId', '您的账号没有所属部门');
  const departmentId = isDepartmentOnly ? principal.departmentId! : undefined;
  const rows = await repo.listCasesReceived(deps.db, { centerId, from: startOfDay(q.from), to: startOfDay(q.to, 1), departmentId });
  const dir = await directoryOf(deps.db, centerId);
  const today = businessToday();
  const groups = new Map<string | null, repo.CaseRow[]>();
  for (const r of rows) groups.set(r.departmentId, [...(groups.get(r.departmentId) ?? []), r]);
  const departments = [...groups.entries()]
    .map(([id, cases]) => responseRow(cases, today, id, id ? dir.department(id) : '中心（未指定部门）'))
    .sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101) || b.received - a.received);
  const below = rows
    .filter((c) => isAnsweredInTime(c) === false || isOverdue(c, today))
    .map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind as FeedbackKind,
      kindLabel: KIND_LABELS[c.kind as FeedbackKind],
      departmentName: c.departmentId ? dir.department(c.departmentId) : '',
      handlerName: dir.staff(c.handlerId),
      dueOn: c.dueOn,
      repliedOn: c.firstRepliedAt ? businessToday(c.firstRepliedAt) : null,
      why: (isOverdue(c, today) ? 'overdue' : 'late') as 'overdue' | 'late',
    }));
  return {
    from: q.from,
    to: q.to,
    target: RESPONSE_RATE_TARGET,
    scope: isDepartmentOnly ? ('department' as const) : ('center' as const),
    center: responseRow(rows, today, null, isDepartmentOnly ? dir.department(departmentId!) : '全中心'),
    departments,
    below,
  };
}

/**
 * The periodic check: an unanswered case past its due date alerts the department's chief
 * officer once (overdue_alerted_at): the inbox and the dashboard show it, and an SMS goes through
 * the outbox to the department's mobile number when it has one (staff records carry no phone).
 */
export async function runFeedbackOverdueCheck(deps: ServiceDeps, now = new Date()): Promise<{ alerted: number }> {
  const today = businessToday(now);
  let alerted = 0;
  for (const found of await repo.listOverdueUnalerted(deps.db, today)) {
    const isNew = await deps.db.transaction(async (tx) => {
      if (!(await repo.markAlerted(tx, found.id, now))) return false;
      await repo.insertEvent(tx, { caseId: found.id, action: 'overdue_alert', actorName: '系统', actorId: null, note: `超过答复期限 ${found.dueOn}，已提醒首席事务代表`, at: now });
      const department = found.departmentId ? await getDepartment(tx as unknown as Db, found.departmentId) : null;
      const phone = department ? normalizePhone(department.phone) : null;
      if (department && phone && /^1\d{10}$/.test(phone)) {
        const center = await getCenter(tx as unknown as Db, found.centerId);
        await queueSms(tx, deps.config, {
          phone,
          template: 'feedback_overdue',
          params: { center: center.name, department: department.name, number: found.number, kind: KIND_LABELS[found.kind as FeedbackKind], due: found.dueOn },
          related: { type: 'feedback_case', id: found.id },
          centerId: found.centerId,
          dedupeKey: `feedback:${found.id}:overdue`,
        });
      }
      return true;
    });
    if (isNew) alerted += 1;
  }
  return { alerted };
}
