import { loadCalendar } from '../../../platform/calendar/service.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { getCounter } from '../../venue/service.ts';
import { getDepartment } from '../../staff/service.ts';
import type { ratings } from '../tables.ts';
import * as repo from './repository.ts';
import { requireTransition, type CallbackState } from './workflow.ts';

/**
 * 差评回访 (9.1.2): every real-name bad review gets a callback, opened in the transaction that
 * records the rating, assigned to the department and counter that answer for the service, with
 * the center's deadlines in working days. Actions, views and the overdue check are in their files.
 */

export type { ServiceDeps } from './scope.ts';
export { scopeOf, isInScope, callbackFor } from './scope.ts';
export { recordContact, verifyCallback, startRectification, addEvidence, markRectificationDone, enterReRating, closeCallback, revealRaterPhone } from './actions.ts';
export { listCallbacks, getCallbackDetail, listCallbackAlerts, evidenceFile } from './views.ts';
export { runCallbackOverdueCheck } from './overdue.ts';

/** The center's callback deadlines (evaluation_settings; the table's defaults when the center has no row). */
export async function callbackSettingsOf(db: DbOrTx, centerId: string): Promise<{ contactWorkingDays: number; finishWorkingDays: number }> {
  const row = await repo.findSettings(db, centerId);
  return { contactWorkingDays: row?.contactDays ?? 1, finishWorkingDays: row?.finishDays ?? 5 };
}

/** A real-name bad review (不满意 or 非常不满意) that was given, not defaulted, and is not excluded. */
export function isCallbackDue(rating: Pick<typeof ratings.$inferSelect, 'level' | 'isRealName' | 'isDefault' | 'excludedAt'>): boolean {
  return rating.level <= 2 && rating.isRealName && !rating.isDefault && rating.excludedAt === null;
}

/**
 * Opens the callback of a rating just inserted, in the caller's transaction. Does nothing for a
 * rating that needs none, or when the rating already has its callback.
 */
export async function openCallbackIfDue(tx: DbOrTx, rating: typeof ratings.$inferSelect): Promise<void> {
  if (!isCallbackDue(rating)) return;
  const departmentId = rating.departmentId ?? (rating.counterId ? (await getCounter(tx, rating.counterId)).departmentId : null);
  const chiefId = departmentId ? (await getDepartment(tx, departmentId)).chiefOfficerId : null;
  const settings = await callbackSettingsOf(tx, rating.centerId);
  const calendar = await loadCalendar(tx);
  const ratedOn = businessToday(rating.ratedAt);
  await repo.insertCallback(tx, {
    ratingId: rating.id,
    centerId: rating.centerId,
    departmentId,
    counterId: rating.counterId,
    assigneeId: chiefId,
    state: 'open',
    contactDueOn: calendar.addWorkingDays(ratedOn, settings.contactWorkingDays),
    finishDueOn: calendar.addWorkingDays(ratedOn, settings.finishWorkingDays),
    createdAt: rating.ratedAt,
  });
}

/**
 * An upheld appeal excludes the rating from the figures; its callback, if still running, is
 * closed then and there (the review was mistaken or malicious: nothing is left to call back or
 * rectify). A verdict already reached stays; otherwise it is recorded as unfounded (with no
 * verifier: the manager's decision on the appeal is the reason), so the ledger says why it closed.
 */
export async function closeCallbackOfExcludedRating(tx: DbOrTx, input: { ratingId: string; note: string; now: Date }): Promise<void> {
  const found = await repo.findCallbackOfRating(tx, input.ratingId);
  if (!found) return;
  const callback = (await repo.lockCallback(tx, found.id))!;
  if (callback.state === 'closed') return;
  const to = requireTransition(callback.state as CallbackState, 'exclude')('closed');
  const note = `申诉复核成立，该评价不计入统计：${input.note}`;
  await repo.updateCallback(tx, callback.id, {
    state: to,
    closedAt: input.now,
    ...(callback.verdict
      ? { verdictNote: callback.verdictNote ? `${callback.verdictNote}\n${note}` : note }
      : { verdict: 'unfounded', verdictNote: note }),
  });
}
