import crypto from 'node:crypto';
import type { Config } from '../../../config.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { getCenter } from '../../venue/service.ts';
import { hhmmOf, minutesOf } from '../../../platform/calendar/clock.ts';
import type { BookingChannel, SlotScope } from '../contract.ts';
import { loadCenterPlan, type CenterPlan, type ItemEntry } from '../capacity/service.ts';
import { isOverflowOpen, refusalOf, slotCapacity, type Refusal } from '../capacity/plan.ts';
import { takePlace } from '../capacity/repository.ts';
import { checkGuaranteeLive, raiseOverflowOpened } from '../guarantee/service.ts';
import { findActiveBlock } from '../no-shows/repository.ts';
import { dateText, bookingParams, sendBookingSms } from './messages.ts';
import { applicantOf, type Applicant, type ApplicantInput } from './applicant.ts';
import type { AppointmentDto } from './contract.ts';
import { toDto } from './present.ts';
import * as repo from './repository.ts';

export type BookInput = {
  centerId: string;
  itemId: string;
  date: string;
  /** 'HH:mm' */
  start: string;
  applicant: ApplicantInput;
  channel: BookingChannel;
  /** the staff member booking on the applicant's behalf */
  bookedBy?: string | null;
  now?: Date;
};

/**
 * Books a slot (A.6). Refuses, with nothing written: an item that takes no appointments, a past
 * date or slot, a closed day, a date beyond the horizon, an unknown slot, a blocked applicant, a
 * second active booking of the applicant for the item and day, and a full slot. The place, the
 * booking, its history and the confirmation SMS are one transaction.
 */
export async function bookAppointment(db: Db, config: Config, input: BookInput): Promise<AppointmentDto> {
  const now = input.now ?? new Date();
  const center = await getCenter(db, input.centerId);
  if (!center.isActive) throw new AppError('NOT_FOUND', '服务中心不存在');
  const applicant = applicantOf(config, input.applicant);
  const plan = await loadCenterPlan(db, center.id, now);
  const entry = appointableEntry(plan, input.itemId);
  const startMinute = checkSlotChoice(plan, input.date, input.start);
  await refuseBlocked(db, center.id, applicant, plan.window.today);

  const id = await withCodeRetry(() =>
    db.transaction(async (tx) => {
      await refuseSecondBooking(tx, { centerId: center.id, applicant, entry, date: input.date });
      const slot = await takeSlot(tx, { plan, entry, date: input.date, startMinute });
      const code = newBookingCode();
      const id = await repo.insertAppointment(tx, {
        centerId: center.id,
        code,
        itemId: entry.item.id,
        itemName: entry.item.name,
        queueId: entry.queue.id,
        ...slot,
        date: input.date,
        startMinute,
        endMinute: startMinute + plan.settings.slotMinutes,
        applicantType: applicant.type,
        uscc: applicant.uscc,
        applicantKey: applicant.key,
        phoneEncrypted: applicant.phoneEncrypted,
        phoneHash: applicant.phoneHash,
        phoneMasked: applicant.phoneMasked,
        state: 'booked',
        channel: input.channel,
        bookedBy: input.bookedBy ?? null,
      });
      await repo.insertEvent(tx, {
        appointmentId: id,
        action: 'book',
        fromState: null,
        toState: 'booked',
        actor: input.bookedBy ? 'staff' : 'applicant',
        staffId: input.bookedBy ?? null,
        at: now,
        detail: { channel: input.channel, date: input.date, start: input.start, slotScope: slot.slotScope },
      });
      const booking = { id, centerId: center.id, code, itemName: entry.item.name, date: input.date, startMinute, endMinute: startMinute + plan.settings.slotMinutes, phoneEncrypted: applicant.phoneEncrypted };
      await sendBookingSms(tx, config, booking, { template: 'appointment_confirmed', params: bookingParams(booking, center.name, plan.settings), dedupeKey: `appointment:${id}:confirmed` });
      if (slot.slotScope === 'overflow') await raiseOverflowOpened(tx, plan, entry);
      await checkGuaranteeLive(tx, center.id, now, { sharingWith: entry, known: plan });
      return id;
    }),
    entry.item.name,
    input.date,
  );
  return toDto(db, (await repo.findById(db, id))!, now, { centerId: center.id, name: center.name, settings: plan.settings });
}

/** The item's plan, or the reason it cannot be booked here. */
export function appointableEntry(plan: CenterPlan, itemId: string): ItemEntry {
  const item = plan.items.get(itemId);
  if (!item) throw new AppError('ITEM_NOT_FOUND', '事项不存在或未在本中心发布', [{ field: 'itemId', message: '事项不存在' }]);
  if (item.appointmentMode === 'walk_in') {
    throw new AppError('APPOINTMENT_NOT_OFFERED', `“${item.name}”无需预约，请直接到中心取号办理`, [{ field: 'itemId', message: '该事项不设预约' }]);
  }
  const entry = plan.entryOf(itemId);
  if (!entry) {
    throw new AppError('APPOINTMENT_NOT_OFFERED', `本中心暂未安排办理“${item.name}”的窗口，暂不能预约，请咨询中心`, [{ field: 'itemId', message: '没有办理该事项的队列' }]);
  }
  return entry;
}

const REFUSALS: Record<Refusal, (window: CenterPlan['window'], date: string) => AppError> = {
  past: (w, date) => new AppError('DATE_IN_PAST', `${date} 已过去，请选择 ${w.today} 及以后的日期`, [{ field: 'date', message: '日期已过' }]),
  beyond_horizon: (w) => new AppError('BEYOND_HORIZON', `只能预约 ${w.lastDate} 及以前的日期`, [{ field: 'date', message: `超出可预约范围（最晚 ${w.lastDate}）` }]),
  closed_day: (_w, date) => new AppError('DAY_CLOSED', `${dateText(date)}不是工作日，中心不办公，请选择其他日期`, [{ field: 'date', message: '非工作日' }]),
  no_such_slot: () => new AppError('SLOT_NOT_FOUND', '没有这个预约时段，请从可选时段中选择', [{ field: 'start', message: '时段不存在' }]),
  started: () => new AppError('SLOT_STARTED', '该时段已开始或已结束，请选择稍后的时段', [{ field: 'start', message: '时段已开始' }]),
};

/** The slot's start minute, or the reason the date and slot cannot be booked. */
export function checkSlotChoice(plan: CenterPlan, date: string, start: string): number {
  const startMinute = minutesOf(start);
  const refusal = refusalOf(plan.window, date, startMinute);
  if (refusal) throw REFUSALS[refusal](plan.window, date);
  return startMinute;
}

export async function refuseBlocked(db: DbOrTx, centerId: string, applicant: Pick<Applicant, 'key'>, today: string): Promise<void> {
  const block = await findActiveBlock(db, centerId, applicant.key, today);
  if (block) {
    throw new AppError('APPLICANT_BLOCKED', `您近期有 ${block.noShows} 次预约未按时签到，${dateText(block.endsOn)}起才能再次预约（之前可直接到中心取号）`, [
      { field: 'phone', message: `限制预约至 ${block.endsOn} 前` },
    ]);
  }
}

export async function refuseSecondBooking(tx: DbOrTx, f: { centerId: string; applicant: Pick<Applicant, 'key'>; entry: ItemEntry; date: string; exceptId?: string }) {
  const existing = await repo.findActiveForApplicant(tx, { centerId: f.centerId, applicantKey: f.applicant.key, itemId: f.entry.item.id, date: f.date, exceptId: f.exceptId });
  if (existing) throw alreadyBooked(f.entry.item.name, f.date);
}

const alreadyBooked = (itemName: string, date: string) =>
  new AppError('ALREADY_BOOKED', `您已预约${dateText(date)}办理“${itemName}”，同一事项每天只能预约一次`, [{ field: 'date', message: '当天已有该事项的预约' }]);

/**
 * Takes a place of the slot: a regular one, else an overflow one when the item's overflow is open
 * and the date lies within the guarantee; refuses a full slot.
 */
export async function takeSlot(
  tx: DbOrTx,
  f: { plan: CenterPlan; entry: ItemEntry; date: string; startMinute: number },
): Promise<{ slotScope: SlotScope; slotScopeId: string }> {
  const { plan, entry, date, startMinute } = f;
  const endMinute = startMinute + plan.settings.slotMinutes;
  const regular = entry.plan.regular;
  const capacity = slotCapacity(regular.base, regular.adjustments.get(date), startMinute);
  const ref = { centerId: plan.centerId, date, startMinute, endMinute };
  if (await takePlace(tx, { ...ref, scope: entry.source.scope, scopeId: entry.source.scopeId }, capacity)) {
    return { slotScope: entry.source.scope, slotScopeId: entry.source.scopeId };
  }
  const overflow = entry.plan.overflowPerSlot;
  if (overflow !== null && date <= plan.window.deadline && isOverflowOpen(entry.plan, plan.window)) {
    if (await takePlace(tx, { ...ref, scope: 'overflow', scopeId: entry.item.id }, overflow)) return { slotScope: 'overflow', slotScopeId: entry.item.id };
  }
  throw new AppError('SLOT_FULL', `${dateText(date)} ${hhmmOf(startMinute)} 的号已约满，请选择其他时段`, [{ field: 'start', message: '该时段已约满' }]);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 8 characters from 32 (no I, O, 0, 1): about 10¹² codes, not guessable in practice. */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * Maps the unique constraints' refusals: a concurrent second booking of the same applicant, item
 * and day becomes ALREADY_BOOKED; a (very unlikely) repeated booking code is retried.
 */
export async function withCodeRetry<T>(work: () => Promise<T>, itemName?: string, date?: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'appointments_code_unique' && attempt < 3) continue;
      if (constraint === 'appointments_one_active_per_applicant_item_day') throw alreadyBooked(itemName ?? '该事项', date ?? '');
      throw err;
    }
  }
}

function uniqueViolation(error: unknown): string | null {
  for (let e = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code !== '23505') continue;
    if (typeof e.constraint === 'string') return e.constraint;
    return /"([a-z_]+)"/.exec(String(e.message))?.[1] ?? 'unknown';
  }
  return null;
}
