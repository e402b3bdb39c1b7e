// A default import: under Node's ESM loader this CommonJS bundle exposes no named exports.
import chineseDays from 'chinese-days';
import { businessClock } from './clock.ts';

/**
 * The working-day calendar: the State Council's schedule (from `chinese-days`) under the
 * administrator's overrides. Dates are 'YYYY-MM-DD' strings and all arithmetic is done on UTC
 * day numbers, so the machine's time zone never shifts a date.
 */

export type OverrideKind = 'holiday' | 'workday';
/** A bare kind is enough for arithmetic; the month view passes the note along to show it. */
export type CalendarOverride = OverrideKind | { kind: OverrideKind; note: string };
export type Overrides = ReadonlyMap<string, CalendarOverride>;

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'adjusted_workday'] as const;
/** `adjusted_workday` is a Saturday or Sunday worked in exchange for a holiday (调休上班). */
export type DayKind = (typeof DAY_KINDS)[number];

export type DayInfo = {
  date: string;
  isWorkingDay: boolean;
  kind: DayKind;
  /** the festival a holiday or adjusted working day belongs to, e.g. 春节 */
  name: string | null;
  override: { kind: OverrideKind; note: string } | null;
};

export const NO_OVERRIDES: Overrides = new Map();

export function isWorkingDay(date: string, overrides: Overrides): boolean {
  const override = overrides.get(date);
  if (override !== undefined) return kindOf(override) === 'workday';
  const { kind } = statutoryDay(dayNumber(date));
  return kind === 'workday' || kind === 'adjusted_workday';
}

/** The n-th working day after `from` (which is day 0); n = 0 gives `from` itself. */
export function addWorkingDays(from: string, n: number, overrides: Overrides): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let day = dayNumber(from);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDay(dateOf(day), overrides)) left -= 1;
  }
  return dateOf(day);
}

/** Working days d with from < d <= to: how many working days have passed since `from`. */
export function countWorkingDays(from: string, to: string, overrides: Overrides): number {
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day++) {
    if (isWorkingDay(dateOf(day), overrides)) count += 1;
  }
  return count;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, overrides: Overrides): string {
  return addWorkingDays(date, 1, overrides);
}

export function dayInfo(date: string, overrides: Overrides): DayInfo {
  const day = dayNumber(date);
  const statutory = statutoryDay(day);
  const entry = overrides.get(date);
  if (entry === undefined) {
    return {
      date,
      isWorkingDay: statutory.kind === 'workday' || statutory.kind === 'adjusted_workday',
      kind: statutory.kind,
      name: statutory.name,
      override: null,
    };
  }
  const override = typeof entry === 'string' ? { kind: entry, note: '' } : { kind: entry.kind, note: entry.note };
  const kind: DayKind = override.kind === 'holiday' ? 'holiday' : isWeekend(day) ? 'adjusted_workday' : 'workday';
  return {
    date,
    isWorkingDay: override.kind === 'workday',
    kind,
    name: kind === 'holiday' || kind === 'adjusted_workday' ? statutory.name : null,
    override,
  };
}

/** Every date of a month given as 'YYYY-MM'. */
export function datesOfMonth(month: string): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const monthIndex = Number(match?.[2]) - 1;
  if (!match || monthIndex < 0 || monthIndex > 11) throw new RangeError(`not a month: ${month}`);
  const first = Date.UTC(year, monthIndex, 1) / DAY_MS;
  const next = Date.UTC(year, monthIndex + 1, 1) / DAY_MS;
  return Array.from({ length: next - first }, (_, i) => dateOf(first + i));
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return dateOf(dayNumber(date) + days);
}

/** Today's date where the centers are, whatever the server's own time zone. */
export function businessToday(now: Date = new Date()): string {
  return businessClock(now).date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function kindOf(override: CalendarOverride): OverrideKind {
  return typeof override === 'string' ? override : override.kind;
}

/**
 * What the official schedule says about a day. From `chinese-days` only its lists are used:
 * on a machine west of UTC its `isWorkday` misjudges ordinary weekends (it reads the weekday in
 * local time from UTC midnight, one day early), but its holiday and adjusted-day lists are
 * keyed the same way as its lookups, so `getDayDetail`'s name and `work` flag for a listed day
 * are right in any zone. An unlisted day's weekday is computed here, in UTC.
 */
function statutoryDay(day: number): { kind: DayKind; name: string | null } {
  const detail = chineseDays.getDayDetail(dateOf(day));
  // Listed days are named "English,中文,days off" ("Spring Festival,春节,4"); others by weekday.
  const listedName = detail.name.split(',')[1];
  if (listedName !== undefined) return { kind: detail.work ? 'adjusted_workday' : 'holiday', name: listedName };
  return { kind: isWeekend(day) ? 'weekend' : 'workday', name: null };
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' date. */
function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC maps years 0–99 to 1900–1999, and rolls 02-30 over into March: the round trip catches both.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / DAY_MS;
  }
  throw new RangeError(`not a date: ${date}`);
}

function dateOf(day: number): string {
  const iso = new Date(day * DAY_MS).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`date out of range: day ${day}`);
  return iso.slice(0, 10);
}
