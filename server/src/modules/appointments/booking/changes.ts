import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { getCenter } from '../../venue/service.ts';
import { hhmmOf } from '../../../platform/calendar/clock.ts';
import type { AppointmentActor } from '../contract.ts';
import { loadCenterPlan } from '../capacity/service.ts';
import { releasePlace } from '../capacity/repository.ts';
import { checkGuaranteeLive, raiseOverflowOpened } from '../guarantee/service.ts';
import { nextState } from '../workflow/workflow.ts';
import { bookingParams, sendBookingSms } from './messages.ts';
import type { AppointmentDto } from './contract.ts';
import { changeDeadline, toDto } from './present.ts';
import * as repo from './repository.ts';
import { appointableEntry, checkSlotChoice, refuseBlocked, refuseSecondBooking, takeSlot, withCodeRetry } from './service.ts';

/** Who changes a booking: its applicant (bound by the cut-off), staff, or the system. */
export type ChangeBy = { actor: Extract<AppointmentActor, 'applicant' | 'staff' | 'system'>; staffId?: string | null };

/** Cancels a booking and gives its place back; the applicant only until the cut-off. */
export async function cancelAppointment(db: Db, config: Config, id: string, by: ChangeBy, reason = '', now = new Date()): Promise<AppointmentDto> {
  const before = await repo.findById(db, id);
  if (!before) throw notFoundBooking();
  const center = await getCenter(db, before.centerId);
  const plan = await loadCenterPlan(db, before.centerId, now);
  await db.transaction(async (tx) => {
    const row = (await repo.lockById(tx, id))!;
    const to = nextState(row.state, 'cancel', by.actor);
    if (by.actor === 'applicant') refusePastCutoff(row, plan.settings.changeCutoffMinutes, now, '取消');
    await releasePlace(tx, { scope: row.slotScope, scopeId: row.slotScopeId, date: row.date, startMinute: row.startMinute });
    await repo.updateAppointment(tx, id, { state: to, cancelledAt: now, cancelledBy: by.actor, cancelReason: reason || null });
    await repo.insertEvent(tx, { appointmentId: id, action: 'cancel', fromState: row.state, toState: to, actor: by.actor, staffId: by.staffId ?? null, at: now, detail: reason ? { reason } : undefined });
    await sendBookingSms(tx, config, row, { template: 'appointment_cancelled', params: bookingParams(row, center.name, plan.settings), dedupeKey: `appointment:${id}:cancelled` });
    await checkGuaranteeLive(tx, row.centerId, now, { sharingWith: plan.entryOf(row.itemId) ?? undefined, known: plan });
  });
  return toDto(db, (await repo.findById(db, id))!, now);
}

/**
 * Moves a booking to another slot, keeping its code: the new place is taken before the old one is
 * given back, in one transaction. The same checks as a new booking apply to the new slot.
 */
export async function rescheduleAppointment(
  db: Db,
  config: Config,
  id: string,
  target: { date: string; start: string },
  by: ChangeBy,
  now = new Date(),
): Promise<AppointmentDto> {
  const before = await repo.findById(db, id);
  if (!before) throw notFoundBooking();
  const center = await getCenter(db, before.centerId);
  const plan = await loadCenterPlan(db, before.centerId, now);
  const entry = appointableEntry(plan, before.itemId);
  const startMinute = checkSlotChoice(plan, target.date, target.start);
  if (target.date === before.date && startMinute === before.startMinute) {
    throw new AppError('VALIDATION_FAILED', '新时段与原时段相同', [{ field: 'start', message: '请选择不同的时段' }]);
  }
  await refuseBlocked(db, before.centerId, { key: before.applicantKey }, plan.window.today);
  await withCodeRetry(
    () =>
      db.transaction(async (tx) => {
        const row = (await repo.lockById(tx, id))!;
        const to = nextState(row.state, 'reschedule', by.actor);
        if (by.actor === 'applicant') refusePastCutoff(row, plan.settings.changeCutoffMinutes, now, '改约');
        await refuseSecondBooking(tx, { centerId: row.centerId, applicant: { key: row.applicantKey }, entry, date: target.date, exceptId: id });
        const slot = await takeSlot(tx, { plan, entry, date: target.date, startMinute });
        await releasePlace(tx, { scope: row.slotScope, scopeId: row.slotScopeId, date: row.date, startMinute: row.startMinute });
        const endMinute = startMinute + plan.settings.slotMinutes;
        await repo.updateAppointment(tx, id, { ...slot, date: target.date, startMinute, endMinute, remindedForDate: null, rescheduled: true });
        await repo.insertEvent(tx, {
          appointmentId: id,
          action: 'reschedule',
          fromState: row.state,
          toState: to,
          actor: by.actor,
          staffId: by.staffId ?? null,
          at: now,
          detail: { from: { date: row.date, start: hhmmOf(row.startMinute) }, to: { date: target.date, start: target.start } },
        });
        const moved = { ...row, date: target.date, startMinute, endMinute };
        await sendBookingSms(tx, config, moved, {
          template: 'appointment_rescheduled',
          params: bookingParams(moved, center.name, plan.settings),
          dedupeKey: `appointment:${id}:rescheduled:${row.rescheduleCount + 1}`,
        });
        if (slot.slotScope === 'overflow') await raiseOverflowOpened(tx, plan, entry);
        await checkGuaranteeLive(tx, row.centerId, now, { known: plan });
      }),
    entry.item.name,
    target.date,
  );
  return toDto(db, (await repo.findById(db, id))!, now);
}

function refusePastCutoff(row: repo.AppointmentRow, cutoffMinutes: number, now: Date, what: string) {
  if (now.getTime() > changeDeadline(row, { changeCutoffMinutes: cutoffMinutes }).getTime()) {
    throw new AppError('CHANGE_CUTOFF_PASSED', `预约时段开始前 ${cutoffMinutes} 分钟内不能在线${what}，请致电中心或到咨询导办台办理`);
  }
}

export const notFoundBooking = () => new AppError('BOOKING_NOT_FOUND', '没有找到该预约，请核对预约码和手机号', [{ field: 'code', message: '预约不存在' }]);
