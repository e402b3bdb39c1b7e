import { addDays } from '../../../platform/calendar/working-days.ts';

/**
 * The no-show rule (A.6, configurable): an applicant with `limit` no-shows among bookings dated in
 * the last `windowDays` days cannot book for `blockDays` days, counted from the day of the last.
 */
export type NoShowRule = { noShowLimit: number; noShowWindowDays: number; blockDays: number };

/** The dates whose no-shows count on `day`: [day − windowDays + 1, day]. */
export function countingWindow(day: string, rule: Pick<NoShowRule, 'noShowWindowDays'>): { from: string; to: string } {
  return { from: addDays(day, -(rule.noShowWindowDays - 1)), to: day };
}

/** The block a count of no-shows starts on `day`, or null: from `day` until (not including) `endsOn`. */
export function blockFor(noShows: number, day: string, rule: NoShowRule): { startsOn: string; endsOn: string } | null {
  if (rule.blockDays === 0 || noShows < rule.noShowLimit) return null;
  return { startsOn: day, endsOn: addDays(day, rule.blockDays) };
}
