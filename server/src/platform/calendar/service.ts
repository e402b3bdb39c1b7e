import { defineCache, invalidate } from '../cache/cache.ts';
import type { DbOrTx } from '../db/database.ts';
import { notFound } from '../errors.ts';
import type { CalendarOverrideDto, OverrideInput } from './contract.ts';
import * as repo from './repository.ts';
import * as days from './working-days.ts';
import type { DayInfo, Overrides } from './working-days.ts';

/** The working-day calendar with the administrator's overrides applied, for one unit of work. */
export type Calendar = {
  isWorkingDay(date: string): boolean;
  /** the n-th working day after `from` (day 0), e.g. a promised time limit's due date */
  addWorkingDays(from: string, n: number): string;
  /** working days d with from < d <= to */
  countWorkingDays(from: string, to: string): number;
  nextWorkingDay(date: string): string;
  dayInfo(date: string): DayInfo;
  /** every day of a month given as 'YYYY-MM' */
  month(month: string): DayInfo[];
};

/** The overrides, cached per process and emptied on every process when one changes (platform/cache). */
const overridesCache = defineCache<Overrides>('calendar-overrides', async (db) => {
  const rows = await repo.listOverrides(db);
  return new Map(rows.map((r) => [r.date, { kind: r.kind, note: r.note }]));
});

/**
 * The calendar with the current overrides (from the process's cache; an administrator's change
 * empties it). Load it per request or per job rather than keeping it.
 */
export async function loadCalendar(db: DbOrTx): Promise<Calendar> {
  return calendarWith(await overridesCache.get(db));
}

export function calendarWith(overrides: Overrides): Calendar {
  return {
    isWorkingDay: (date) => days.isWorkingDay(date, overrides),
    addWorkingDays: (from, n) => days.addWorkingDays(from, n, overrides),
    countWorkingDays: (from, to) => days.countWorkingDays(from, to, overrides),
    nextWorkingDay: (date) => days.nextWorkingDay(date, overrides),
    dayInfo: (date) => days.dayInfo(date, overrides),
    month: (month) => days.datesOfMonth(month).map((date) => days.dayInfo(date, overrides)),
  };
}

export async function dueDate(db: DbOrTx, from: string, workingDays: number): Promise<string> {
  return (await loadCalendar(db)).addWorkingDays(from, workingDays);
}

export async function countWorkingDays(db: DbOrTx, from: string, to: string): Promise<number> {
  return (await loadCalendar(db)).countWorkingDays(from, to);
}

export async function monthView(db: DbOrTx, month: string): Promise<{ month: string; days: DayInfo[] }> {
  return { month, days: (await loadCalendar(db)).month(month) };
}

export async function listOverrides(db: DbOrTx): Promise<CalendarOverrideDto[]> {
  return (await repo.listOverrides(db)).map(toDto);
}

/** Marks a date as a holiday or a working day, replacing any earlier override of that date. */
export async function setOverride(
  db: DbOrTx,
  date: string,
  input: OverrideInput,
  updatedBy: string,
): Promise<CalendarOverrideDto> {
  await invalidate(db, overridesCache.name);
  return toDto(await repo.upsertOverride(db, { date, kind: input.kind, note: input.note, updatedBy }));
}

/** Returns the date to the official schedule. */
export async function removeOverride(db: DbOrTx, date: string): Promise<void> {
  await invalidate(db, overridesCache.name);
  if (!(await repo.deleteOverride(db, date))) throw notFound('日历调整');
}

function toDto(row: repo.OverrideRow): CalendarOverrideDto {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}
