import { loadCalendar, type Calendar } from '../../../platform/calendar/service.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { queueSms } from '../../../platform/notifications/service.ts';
import { normalizePhone } from '../../../platform/personal-data/personal-data.ts';
import { getDepartment, getStaff, listStaff } from '../../staff/service.ts';
import { getCenter } from '../../venue/service.ts';
import type { ServiceDeps } from '../actions.ts';
import * as reviewRepo from '../review/repository.ts';
import type { RaiseReport } from './contract.ts';
import * as repo from './repository.ts';
import type { RecipientRow } from './repository.ts';
import { settingsOf } from './settings.ts';

/**
 * A.7: the promised time limit's warning (at the center's share of the working days used,
 * default 80 %) and overdue (past the due date), each raised once per application to its reviewer
 * (whoever took the review task), the department's chief officer and the center manager; then,
 * while it stays undecided, one escalation per further N working days: level 1 the chief
 * officer, 2 the center manager, 3 the manager of the region's center above (when there is one).
 * Raised in the app (the notices) and by SMS through the outbox at the department's or the
 * center's mobile number. The unique index on (application, kind, level) makes a repeat run, or
 * two at once, raise nothing twice.
 */

export const ALERT_LABELS = { warning: '时限预警', overdue: '已超期', escalation: '超期升级' } as const;

type Due = { clock: repo.RunningClock; kind: 'warning' | 'overdue' | 'escalation'; level: number; usedPermille: number };

const isMobile = (phone: string | null): phone is string => phone !== null && /^1\d{10}$/.test(phone);

export function usedPermilleOf(calendar: Calendar, clock: Pick<repo.RunningClock, 'clockStartOn' | 'promisedDays' | 'pausedDays'>, today: string): number {
  const used = Math.max(0, calendar.countWorkingDays(clock.clockStartOn!, today) - clock.pausedDays);
  if (clock.promisedDays === 0) return 1000 * (used > 0 ? used + 1 : 1);
  return Math.round((used / clock.promisedDays) * 1000);
}

/** What is due for one application today, raised or not. Pure. */
export function dueAlerts(calendar: Calendar, clock: repo.RunningClock, today: string, setting: { warningPercent: number; escalationDays: number }): Due[] {
  const usedPermille = usedPermilleOf(calendar, clock, today);
  const due: Due[] = [];
  if (usedPermille >= setting.warningPercent * 10 || today > clock.dueDate!) due.push({ clock, kind: 'warning', level: 0, usedPermille });
  if (today > clock.dueDate!) {
    due.push({ clock, kind: 'overdue', level: 0, usedPermille });
    for (let level = 1; level <= 3; level++) {
      if (today > calendar.addWorkingDays(clock.dueDate!, level * setting.escalationDays)) due.push({ clock, kind: 'escalation', level, usedPermille });
    }
  }
  return due;
}

/** The job (every 10 minutes): raises what is due and was not raised; returns how many of each are new. */
export async function raiseTimeLimitAlerts(deps: ServiceDeps, now = new Date(), { each }: Items = strictItems): Promise<RaiseReport> {
  const today = businessToday(now);
  const calendar = await loadCalendar(deps.db);
  const clocks = await repo.listRunningClocks(deps.db);
  const raised = new Set((await repo.alertKeysOf(deps.db, clocks.map((c) => c.id))).map((a) => `${a.applicationId}:${a.kind}:${a.level}`));
  const settings = new Map<string, { warningPercent: number; escalationDays: number }>();
  const pending: Due[] = [];
  for (const clock of clocks) {
    if (!settings.has(clock.centerId)) settings.set(clock.centerId, await settingsOf(deps.db, clock.centerId));
    for (const d of dueAlerts(calendar, clock, today, settings.get(clock.centerId)!)) if (!raised.has(`${clock.id}:${d.kind}:${d.level}`)) pending.push(d);
  }
  const report: RaiseReport = { warning: 0, overdue: 0, escalation: 0 };
  await each(
    pending,
    async (d) => {
      if (await raise(deps, d, today, now)) report[d.kind] += 1;
    },
    (d) => `application ${d.clock.id} ${d.kind} ${d.level}`,
  );
  return report;
}

type Addressee = { staffId: string; role: RecipientRow['role']; phone: string | null };

async function raise(deps: ServiceDeps, d: Due, today: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const addressees = await addresseesOf(db, d);
    if (d.kind === 'escalation' && addressees.length === 0) return false; // no region above: nobody to escalate to
    const alertId = await repo.insertAlert(tx, {
      centerId: d.clock.centerId,
      applicationId: d.clock.id,
      departmentId: d.clock.departmentId,
      kind: d.kind,
      level: d.level,
      dueDate: d.clock.dueDate!,
      usedPermille: d.usedPermille,
      raisedOn: today,
      raisedAt: now,
    });
    if (!alertId) return false;
    await repo.insertRecipients(tx, [...new Map(addressees.map((a) => [a.staffId, { alertId, staffId: a.staffId, role: a.role }])).values()]);
    const center = await getCenter(db, d.clock.centerId);
    const department = await getDepartment(db, d.clock.departmentId);
    const phones = new Set(addressees.map((a) => (a.phone ? normalizePhone(a.phone) : null)).filter(isMobile));
    for (const phone of phones) {
      await queueSms(tx, deps.config, {
        phone,
        template: 'time_limit_alert',
        params: {
          center: center.name,
          department: department.name,
          number: d.clock.number,
          item: d.clock.name,
          what: d.kind === 'escalation' ? `超期未办结，已升级至第 ${d.level} 级督促` : ALERT_LABELS[d.kind],
          due: d.clock.dueDate!,
        },
        related: { type: 'time_limit_alert', id: alertId },
        centerId: d.clock.centerId,
        dedupeKey: `time-limit:${alertId}:${phone}`,
      });
    }
    return true;
  });
}

async function addresseesOf(db: Db, d: Due): Promise<Addressee[]> {
  const department = await getDepartment(db, d.clock.departmentId);
  const center = await getCenter(db, d.clock.centerId);
  const chief = async (): Promise<Addressee[]> => {
    if (!department.chiefOfficerId) return [];
    const s = await getStaff(db, department.chiefOfficerId).catch(() => null);
    return s?.isActive ? [{ staffId: s.id, role: 'chief_officer', phone: department.phone }] : [];
  };
  const managersOf = async (centerId: string, role: 'center_manager' | 'region_manager', phone: string): Promise<Addressee[]> =>
    (await listStaff(db, { centerId, role: 'center_manager' })).filter((s) => s.isActive).map((s) => ({ staffId: s.id, role, phone }));
  if (d.kind === 'escalation') {
    if (d.level === 1) return chief();
    if (d.level === 2) return managersOf(center.id, 'center_manager', center.phone);
    if (!center.parentId) return [];
    const region = await getCenter(db, center.parentId);
    return managersOf(region.id, 'region_manager', region.phone);
  }
  const task = (await reviewRepo.listTasks(db, [d.clock.id])).find((t) => t.departmentId === d.clock.departmentId && t.state === 'taken' && t.assigneeId);
  const reviewer: Addressee[] = task?.assigneeId ? [{ staffId: task.assigneeId, role: 'reviewer', phone: null }] : [];
  return [...reviewer, ...(await chief()), ...(await managersOf(center.id, 'center_manager', center.phone))];
}
