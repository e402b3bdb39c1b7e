import { loadCalendar, type Calendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { departmentNamesOf } from '../staff/service.ts';
import type { ApplicationSummary } from './contract.ts';
import type * as repo from './repository.ts';
import { dueStatusOf } from './review/due.ts';
import { settingsOf } from './time-limits/settings.ts';
import { STATES, type ApplicationState } from './workflow/definition.ts';

/** An application as a list shows it: state, department and the due-date colour of today. */

export type Names = ReadonlyMap<string, string>;
/** `warningShare`: the center's time-limit setting (A.7), the share of the promised time at which the back office turns orange */
export type View = { names: Names; today: string; calendar: Calendar; warningShare: number };

export async function viewOf(db: Db, centerId: string, now = new Date()): Promise<View> {
  const [names, calendar, settings] = await Promise.all([departmentNamesOf(db, centerId), loadCalendar(db), settingsOf(db, centerId)]);
  return { names, today: businessToday(now), calendar, warningShare: settings.warningPercent / 100 };
}

export function toSummary(app: repo.ApplicationRow, view: View): ApplicationSummary {
  const state = app.state as ApplicationState;
  return {
    id: app.id,
    number: app.number,
    kind: app.kind,
    parentId: app.parentId,
    code: app.code,
    name: app.name,
    state,
    stateLabel: STATES[state].label,
    applicantName: app.applicantName,
    uscc: app.uscc,
    departmentId: app.departmentId,
    departmentName: view.names.get(app.departmentId) ?? '',
    isJoint: app.leadDepartmentId !== null,
    channel: app.channel,
    receivedAt: app.receivedAt.toISOString(),
    acceptedAt: app.acceptedAt?.toISOString() ?? null,
    dueDate: app.dueDate,
    due: dueStatusOf({ ...app, state }, view.today, view.calendar.countWorkingDays, view.warningShare),
    isDeemedAccepted: app.isDeemedAccepted,
    isCommitment: app.isCommitment,
    deferralState: app.deferralState,
    version: app.version,
  };
}

