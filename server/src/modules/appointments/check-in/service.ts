import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { issueTicket } from '../../queue/service.ts';
import { businessClock, hhmmOf } from '../../../platform/calendar/clock.ts';
import { phoneHashOf } from '../booking/applicant.ts';
import { notFoundBooking } from '../booking/changes.ts';
import { dateText } from '../booking/messages.ts';
import { toDto } from '../booking/present.ts';
import * as repo from '../booking/repository.ts';
import { loadSettings, type Settings } from '../settings/service.ts';
import { nextState, STATE_NAMES } from '../workflow/workflow.ts';
import type { CheckInResultDto } from './contract.ts';
import { checkInVerdict } from './window.ts';

export type CheckInInput = {
  centerId: string;
  /** one of: the booking code, the phone number booked with, the booking (staff) */
  code?: string;
  phone?: string;
  appointmentId?: string;
  actor: 'kiosk' | 'staff';
  staffId?: string | null;
  now?: Date;
};

/**
 * Check-in (A.6): within the window, a ticket with the appointment priority; after it (the same
 * day), an ordinary ticket and the reason; before it, or for another day, a refusal naming the
 * time. The ticket and the booking's new state are one transaction.
 */
export async function checkIn(db: Db, config: Config, input: CheckInInput): Promise<CheckInResultDto> {
  const now = input.now ?? new Date();
  const settings = await loadSettings(db, input.centerId);
  const moment = businessClock(now);
  const { booking, others } = await findBooking(db, config, input, settings, moment);
  const verdict = checkInVerdict(booking, moment, settings);
  switch (verdict.kind) {
    case 'too_early':
      throw new AppError(
        'CHECK_IN_TOO_EARLY',
        verdict.isOtherDay
          ? `您预约的是${dateText(booking.date)} ${hhmmOf(booking.startMinute)}，请在当天 ${hhmmOf(verdict.opensAtMinute)} 后签到`
          : `还未到签到时间，请于 ${hhmmOf(verdict.opensAtMinute)} 后签到（预约时段 ${hhmmOf(booking.startMinute)}–${hhmmOf(booking.endMinute)}）`,
      );
    case 'expired':
      throw new AppError('BOOKING_EXPIRED', `该预约是${dateText(booking.date)}的，已过期；请重新预约或到咨询导办台`);
    case 'on_time':
    case 'late':
      break;
    default:
      verdict satisfies never;
  }
  if (booking.state !== 'booked' && booking.state !== 'no_show') {
    throw new AppError('INVALID_STATE', `该预约${STATE_NAMES[booking.state]}，不能再签到`);
  }
  const isLate = verdict.kind === 'late';
  const action = isLate ? 'arrive_late' : 'check_in';
  const ticket = await db.transaction(async (tx) => {
    const row = (await repo.lockById(tx, booking.id))!;
    const to = nextState(row.state, action, input.actor);
    const issued = await issueTicket(tx, {
      centerId: row.centerId,
      queueId: row.queueId,
      itemId: row.itemId,
      channel: 'appointment',
      priorityClass: isLate ? 'ordinary' : 'appointment',
      uscc: row.uscc,
      appointmentId: row.id,
      issuedBy: input.staffId ?? null,
      now,
    });
    await repo.updateAppointment(tx, row.id, { state: to, ticketId: issued.ticket.id, checkedInAt: now });
    await repo.insertEvent(tx, {
      appointmentId: row.id,
      action,
      fromState: row.state,
      toState: to,
      actor: input.actor,
      staffId: input.staffId ?? null,
      at: now,
      detail: { ticket: issued.ticket.displayNumber },
    });
    return issued.status;
  });
  const deadline = hhmmOf(booking.startMinute + settings.checkInAfterMinutes);
  return {
    appointment: await toDto(db, (await repo.findById(db, booking.id))!, now),
    ticket,
    isLate,
    message: isLate
      ? `您已超过签到时间（${deadline} 前），预约优先已失效，已为您取普通号 ${ticket.displayNumber}，请按顺序等候叫号`
      : `签到成功，您的号码是 ${ticket.displayNumber}，预约优先叫号，请到候办区等候`,
    otherBookingsToday: others,
  };
}

/** The booking to check in, and how many other bookings of the same phone today still wait. */
async function findBooking(db: Db, config: Config, input: CheckInInput, settings: Settings, moment: { date: string; minutes: number }) {
  if (input.appointmentId || input.code) {
    const row = input.appointmentId ? await repo.findById(db, input.appointmentId) : await repo.findByCode(db, input.code!.toUpperCase());
    if (!row || row.centerId !== input.centerId) {
      throw new AppError('BOOKING_NOT_FOUND', input.code ? `预约码 ${input.code} 不存在或不是本中心的预约，请核对后重试` : '预约不存在', [{ field: 'code', message: '预约码不存在' }]);
    }
    return { booking: row, others: 0 };
  }
  const hash = input.phone ? phoneHashOf(config, input.phone) : null;
  if (!hash) throw notFoundBooking();
  const today = await repo.listAppointments(db, { centerId: input.centerId, date: moment.date, phoneHash: hash, states: ['booked', 'no_show'] });
  if (today.length === 0) {
    throw new AppError('BOOKING_NOT_FOUND', '该手机号今天在本中心没有待签到的预约，请核对号码或使用预约码', [{ field: 'phone', message: '没有今天的预约' }]);
  }
  // The one whose window is open, else the latest that has passed (a late arrival), else the next to open.
  const byStart = [...today].sort((a, b) => a.startMinute - b.startMinute);
  const verdictOf = (b: repo.AppointmentRow) => checkInVerdict(b, moment, settings).kind;
  const booked = byStart.filter((b) => b.state === 'booked');
  const pick = booked.find((b) => verdictOf(b) === 'on_time') ?? byStart.filter((b) => verdictOf(b) === 'late').at(-1) ?? booked.find((b) => verdictOf(b) === 'too_early') ?? byStart[0]!;
  return { booking: pick, others: booked.filter((b) => b.id !== pick.id).length };
}
