import type { BusinessClock } from '../../../platform/calendar/clock.ts';

/**
 * Where an arrival stands against its booking's check-in window (A.6; default 30 minutes before
 * the slot to 15 after). The window lies within the booking's own date.
 */
export type CheckInVerdict =
  | { kind: 'on_time' }
  | { kind: 'late' }
  | { kind: 'too_early'; opensAtMinute: number; isOtherDay: boolean }
  | { kind: 'expired' };

export function checkInVerdict(
  booking: { date: string; startMinute: number },
  now: BusinessClock,
  window: { checkInBeforeMinutes: number; checkInAfterMinutes: number },
): CheckInVerdict {
  const opensAtMinute = Math.max(0, booking.startMinute - window.checkInBeforeMinutes);
  if (booking.date > now.date) return { kind: 'too_early', opensAtMinute, isOtherDay: true };
  if (booking.date < now.date) return { kind: 'expired' };
  if (now.minutes < opensAtMinute) return { kind: 'too_early', opensAtMinute, isOtherDay: false };
  if (now.minutes <= booking.startMinute + window.checkInAfterMinutes) return { kind: 'on_time' };
  return { kind: 'late' };
}
