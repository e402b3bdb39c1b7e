import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import { getDepartment, listDepartments } from '../../staff/service.ts';
import type { ServiceDeps } from '../actions.ts';
import { findApplication } from '../repository.ts';
import type { AlertDto, TimeLimitFigures, TimeLimitHistory } from './contract.ts';
import * as repo from './repository.ts';
import { departmentNames, staffNames } from './names.ts';
import { supervisionDtos } from './supervision.ts';

/** What the time-limit page and the application's detail read: notices, history, figures. */

function alertOf(a: repo.AlertRow, departments: Map<string, string>): Omit<AlertDto, 'recipients'> {
  return {
    id: a.id,
    kind: a.kind,
    level: a.level,
    dueDate: a.dueDate,
    usedShare: a.usedPermille / 1000,
    raisedOn: a.raisedOn,
    raisedAt: a.raisedAt.toISOString(),
    departmentName: departments.get(a.departmentId) ?? '',
  };
}

/** The alerts raised to me (open: the application is still undecided). */
export async function myNotices(deps: ServiceDeps, by: StaffPrincipal, q: { state: 'open' | 'all' }) {
  const rows = await repo.noticesOf(deps.db, by.id, q.state === 'open');
  const departments = await departmentNames(deps.db, rows.map((r) => r.alert.centerId));
  return rows.map((r) => ({
    alert: alertOf(r.alert, departments),
    role: r.role,
    application: {
      id: r.application.id,
      number: r.application.number,
      name: r.application.name,
      applicantName: r.application.applicantName,
      isOpen: r.application.decidedOn === null && ['in_review', 'lead_decision'].includes(r.application.state),
    },
  }));
}

export async function noticeCount(deps: ServiceDeps, by: StaffPrincipal): Promise<{ open: number }> {
  return { open: await repo.countOpenNotices(deps.db, by.id) };
}

/** An application's time-limit history: the alerts raised (to whom) and its supervisions. */
export async function historyOf(deps: ServiceDeps, by: StaffPrincipal, applicationId: string): Promise<TimeLimitHistory> {
  const app = await findApplication(deps.db, applicationId);
  if (!app || !isCenterInScope(by, app.centerId)) throw notFound('办件');
  const { alerts, recipients } = await repo.alertsOfApplication(deps.db, applicationId);
  const [names, departments] = await Promise.all([staffNames(deps.db, recipients.map((r) => r.staffId)), departmentNames(deps.db, [app.centerId])]);
  return {
    alerts: alerts.map((a) => ({
      ...alertOf(a, departments),
      recipients: recipients.filter((r) => r.alertId === a.id).map((r) => ({ staffId: r.staffId, role: r.role, name: names.get(r.staffId) ?? '' })),
    })),
    supervisions: await supervisionDtos(deps, by, (await repo.supervisionsOf(deps.db, applicationId)).map((s) => ({ supervision: s, application: app }))),
    canSupervise:
      by.permissions.has('time_limit.supervise') &&
      app.decidedOn === null &&
      !['declined', 'delivered', 'stopped', 'revoked', 'approved', 'rejected', 'delivering'].includes(app.state) &&
      (await getDepartment(deps.db, app.departmentId)).chiefOfficerId !== null,
  };
}

/** Per department of my center: warnings, overdue and escalated applications raised in the period, supervisions opened in it. */
export async function timeLimitFigures(deps: ServiceDeps, by: StaffPrincipal, q: { from: string; to: string }): Promise<TimeLimitFigures> {
  if (q.from > q.to) throw invalidField('from', '开始日期不能晚于结束日期');
  if (!by.centerId) throw invalidField('centerId', '您的账号没有所属中心');
  const [departments, alerts, supervised] = await Promise.all([
    listDepartments(deps.db, by.centerId),
    repo.alertCounts(deps.db, by.centerId, q.from, q.to),
    repo.supervisionCounts(deps.db, by.centerId, q.from, q.to),
  ]);
  return {
    ...q,
    departments: departments
      .map((d) => {
        const a = alerts.find((r) => r.departmentId === d.id);
        const s = supervised.find((r) => r.departmentId === d.id);
        return {
          departmentId: d.id,
          departmentName: d.name,
          warnings: a?.warnings ?? 0,
          overdue: a?.overdue ?? 0,
          escalated: a?.escalated ?? 0,
          supervisedOpen: s?.open ?? 0,
          supervisedReplied: s?.replied ?? 0,
        };
      })
      .filter((d) => d.warnings + d.overdue + d.escalated + d.supervisedOpen + d.supervisedReplied > 0),
  };
}
