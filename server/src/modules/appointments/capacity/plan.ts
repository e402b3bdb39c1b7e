import { addDays } from '../../../platform/calendar/working-days.ts';
import { minutesOf } from '../../../platform/calendar/clock.ts';

/**
 * The capacity plan as pure functions: the slots of a day, each slot's places (base capacity plus
 * the date's adjustments), what is left, and the earliest bookable slot. The database only
 * supplies the numbers; every rule about what may be booked lives here.
 */

export type SlotTime = { startMinute: number; endMinute: number };
export type Period = { start: string; end: string };

/** Slots of `slotMinutes` laid end to end inside each period; a remainder shorter than a slot is left out. */
export function daySlots(periods: readonly Period[], slotMinutes: number): SlotTime[] {
  const slots: SlotTime[] = [];
  const sorted = [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const p of sorted) {
    const end = minutesOf(p.end);
    for (let s = minutesOf(p.start); s + slotMinutes <= end; s += slotMinutes) slots.push({ startMinute: s, endMinute: s + slotMinutes });
  }
  return slots;
}

export type Adjustment = { date: string; startMinute: number | null; delta: number };

/** Adjustments by date, for quick lookup. */
export function indexAdjustments(adjustments: readonly Adjustment[]): Map<string, Adjustment[]> {
  const byDate = new Map<string, Adjustment[]>();
  for (const a of adjustments) {
    const list = byDate.get(a.date);
    if (list) list.push(a);
    else byDate.set(a.date, [a]);
  }
  return byDate;
}

/** A slot's places: the base plus the date's adjustments for every slot and for this one; never below 0. */
export function slotCapacity(base: number, adjustmentsOfDate: readonly Adjustment[] | undefined, startMinute: number): number {
  let places = base;
  for (const a of adjustmentsOfDate ?? []) if (a.startMinute === null || a.startMinute === startMinute) places += a.delta;
  return Math.max(0, places);
}

export const slotKey = (date: string, startMinute: number) => `${date}|${startMinute}`;

/** The places of one source (a queue's slots, an item's own, or an item's overflow) and how many are taken. */
export type Pool = {
  base: number;
  adjustments: ReadonlyMap<string, readonly Adjustment[]>;
  /** booked places by slotKey */
  booked: ReadonlyMap<string, number>;
};

/** One item's sources: its regular slots (its queue's or its own) and, optionally, its overflow places. */
export type ItemPlan = { regular: Pool; overflowPerSlot: number | null; overflowBooked: ReadonlyMap<string, number> };

/**
 * When one may book: from now (a slot that has started is gone) to the horizon, on working days.
 * `deadline` is the last date that keeps the 3-working-day guarantee.
 */
export type BookingWindow = {
  today: string;
  nowMinutes: number;
  lastDate: string;
  deadline: string;
  isWorkingDay: (date: string) => boolean;
  slots: readonly SlotTime[];
  /** the working days from today to the last date, once computed (see `bookableDates`) */
  dates?: readonly string[];
};

export type SlotView = SlotTime & { capacity: number; booked: number; remaining: number; overflowRemaining: number };
export type DayView = { date: string; isWorkingDay: boolean; slots: SlotView[] };

export type Refusal = 'past' | 'beyond_horizon' | 'closed_day' | 'no_such_slot' | 'started';

/** Why a date and slot cannot be booked, or null when they can (places aside). */
export function refusalOf(window: BookingWindow, date: string, startMinute: number | null): Refusal | null {
  if (date < window.today) return 'past';
  if (date > window.lastDate) return 'beyond_horizon';
  if (!window.isWorkingDay(date)) return 'closed_day';
  if (startMinute === null) return null;
  if (!window.slots.some((s) => s.startMinute === startMinute)) return 'no_such_slot';
  if (date === window.today && startMinute <= window.nowMinutes) return 'started';
  return null;
}

export function regularRemaining(pool: Pool, date: string, startMinute: number): { capacity: number; booked: number; remaining: number } {
  const capacity = slotCapacity(pool.base, pool.adjustments.get(date), startMinute);
  const booked = pool.booked.get(slotKey(date, startMinute)) ?? 0;
  return { capacity, booked, remaining: Math.max(0, capacity - booked) };
}

/** The bookable dates of the window up to `to`, in order (computed once per window). */
export function bookableDates(window: BookingWindow, to = window.lastDate): readonly string[] {
  if (!window.dates) {
    const dates: string[] = [];
    for (let d = window.today; d <= window.lastDate; d = addDays(d, 1)) if (window.isWorkingDay(d)) dates.push(d);
    window.dates = dates;
  }
  return to >= window.lastDate ? window.dates : window.dates.filter((d) => d <= to);
}

/** The first bookable regular slot with a place left, or null. */
export function earliestRegular(plan: ItemPlan, window: BookingWindow, to = window.lastDate): { date: string; startMinute: number } | null {
  for (const date of bookableDates(window, to)) {
    for (const s of window.slots) {
      if (date === window.today && s.startMinute <= window.nowMinutes) continue;
      if (regularRemaining(plan.regular, date, s.startMinute).remaining > 0) return { date, startMinute: s.startMinute };
    }
  }
  return null;
}

/** Overflow opens by itself when the item has overflow places and no regular place is left up to the deadline. */
export function isOverflowOpen(plan: ItemPlan, window: BookingWindow): boolean {
  return plan.overflowPerSlot !== null && earliestRegular(plan, window, window.deadline) === null;
}

/** Overflow places left in a slot (0 when overflow is closed or the date lies beyond the deadline). */
export function overflowRemaining(plan: ItemPlan, window: BookingWindow, date: string, startMinute: number, isOpen: boolean): number {
  if (!isOpen || plan.overflowPerSlot === null || date > window.deadline) return 0;
  return Math.max(0, plan.overflowPerSlot - (plan.overflowBooked.get(slotKey(date, startMinute)) ?? 0));
}

/** The earliest bookable slot, counting overflow places when they are open. */
export function earliestSlot(plan: ItemPlan, window: BookingWindow): { date: string; startMinute: number; isOverflow: boolean } | null {
  const regular = earliestRegular(plan, window);
  if (regular && regular.date <= window.deadline) return { ...regular, isOverflow: false };
  if (isOverflowOpen(plan, window)) {
    for (const date of bookableDates(window, window.deadline)) {
      for (const s of window.slots) {
        if (date === window.today && s.startMinute <= window.nowMinutes) continue;
        if (overflowRemaining(plan, window, date, s.startMinute, true) > 0) return { date, startMinute: s.startMinute, isOverflow: true };
      }
    }
  }
  return regular ? { ...regular, isOverflow: false } : null;
}

/** Every date from `from` to `to` with its slots and what is left (slots that have started are left out). */
export function daysView(plan: ItemPlan, window: BookingWindow, from: string, to: string): DayView[] {
  const isOpen = isOverflowOpen(plan, window);
  const days: DayView[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const bookable = refusalOf(window, date, null) === null;
    const slots = bookable
      ? window.slots
          .filter((s) => !(date === window.today && s.startMinute <= window.nowMinutes))
          .map((s) => ({ ...s, ...regularRemaining(plan.regular, date, s.startMinute), overflowRemaining: overflowRemaining(plan, window, date, s.startMinute, isOpen) }))
      : [];
    days.push({ date, isWorkingDay: window.isWorkingDay(date), slots });
  }
  return days;
}
