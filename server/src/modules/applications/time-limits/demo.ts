import type { Config } from '../../../config.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { getDepartment, listStaff } from '../../staff/service.ts';
import { raiseTimeLimitAlerts } from './raise.ts';
import * as repo from './repository.ts';

/**
 * The demo's time limits: the job as if it had run every morning of the last four weeks (warnings,
 * overdue and escalations raised on their days), and two supervisions of the manager to the
 * market regulation chief officer — one replied, one open.
 */
export async function seedTimeLimitsDemo(db: Db, config: Config, centerId: string, now = new Date()): Promise<void> {
  const calendar = await loadCalendar(db);
  const today = businessToday(now);
  const days: string[] = [];
  for (let d = today; days.length < 20; d = addDays(d, -1)) if (calendar.isWorkingDay(d)) days.unshift(d);
  for (const day of days) await raiseTimeLimitAlerts({ db, config }, day === today ? now : new Date(`${day}T09:00:00+08:00`));

  const manager = (await listStaff(db, { centerId, role: 'center_manager' }))[0];
  const chief = (await listStaff(db, { centerId, role: 'chief_officer' }))[0];
  if (!manager || !chief?.departmentId || (await getDepartment(db, chief.departmentId)).chiefOfficerId !== chief.id) return;
  const overdue = (await repo.listRunningClocks(db)).filter((c) => c.centerId === centerId && c.departmentId === chief.departmentId && c.dueDate! < today);
  overdue.sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  const [oldest, next] = overdue;
  if (!oldest || !next) return;
  const openedOn = days.at(-4)!;
  const base = { centerId, departmentId: chief.departmentId, addresseeId: chief.id, openedBy: manager.id };
  const replied = await repo.insertSupervision(db, {
    ...base,
    applicationId: oldest.id,
    openedAt: new Date(`${openedOn}T10:00:00+08:00`),
    openedOn,
    deadline: calendar.addWorkingDays(openedOn, 2),
    request: '该件已超过承诺时限，请说明原因并于期限内办结。',
  });
  const repliedOn = calendar.addWorkingDays(openedOn, 1);
  if (replied) await repo.replySupervision(db, replied, 1, { reply: '经核实，因申请人现场核查时间调整延误，已安排本周内作出决定。', repliedBy: chief.id, repliedAt: new Date(`${repliedOn}T16:00:00+08:00`), repliedOn });
  await repo.insertSupervision(db, {
    ...base,
    applicationId: next.id,
    openedAt: new Date(`${today}T09:30:00+08:00`),
    openedOn: today,
    deadline: calendar.addWorkingDays(today, 2),
    request: '请督促审查人员加快办理，并答复预计办结日期。',
  });
}

