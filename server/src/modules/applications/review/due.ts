import type { DueDto } from '../contract.ts';
import { STATES, WARNING_SHARE, type ApplicationState } from '../workflow/definition.ts';

/**
 * Due-date colours of the back office (6.1.4, A.7): normal, warning once the center's share (80 % unless set) of the promised
 * working days are used, overdue after the due date; paused while the clock stands still; and,
 * once decided, on time or late. Pure: the working-day count is passed in.
 */

export type DueFacts = {
  state: ApplicationState;
  clockStartOn: string | null;
  dueDate: string | null;
  promisedDays: number;
  pausedDays: number;
  pausedSince: string | null;
  decidedOn: string | null;
};

export function dueStatusOf(app: DueFacts, today: string, countWorkingDays: (from: string, to: string) => number, warningShare = WARNING_SHARE): DueDto {
  if (!app.clockStartOn || !app.dueDate) return { status: 'none', usedShare: null, usedDays: null };
  if (app.decidedOn) {
    const usedDays = countWorkingDays(app.clockStartOn, app.decidedOn) - app.pausedDays;
    return { status: app.decidedOn <= app.dueDate ? 'done_on_time' : 'done_late', usedShare: shareOf(usedDays, app.promisedDays), usedDays };
  }
  if (STATES[app.state].isTerminal) return { status: 'none', usedShare: null, usedDays: null };
  const until = app.pausedSince ?? today;
  const usedDays = Math.max(0, countWorkingDays(app.clockStartOn, until) - app.pausedDays);
  const usedShare = shareOf(usedDays, app.promisedDays);
  if (app.pausedSince) return { status: 'paused', usedShare, usedDays };
  if (today > app.dueDate) return { status: 'overdue', usedShare, usedDays };
  if (usedShare >= warningShare) return { status: 'warning', usedShare, usedDays };
  return { status: 'normal', usedShare, usedDays };
}

/** An instant item (0 promised days) has used all its time on the day it is accepted. */
function shareOf(usedDays: number, promisedDays: number): number {
  if (promisedDays === 0) return usedDays > 0 ? usedDays + 1 : 1;
  return Math.round((usedDays / promisedDays) * 1000) / 1000;
}
