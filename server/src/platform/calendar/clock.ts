import { sql } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '../db/database.ts';

/** Beijing wall-clock time, whatever the server's own zone: the business date and the minute of the day. */
export type BusinessClock = { date: string; minutes: number };

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function businessClock(now: Date): BusinessClock {
  const p = Object.fromEntries(format.formatToParts(now).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The instant of a Beijing wall-clock minute on a date (China has kept UTC+8 without daylight saving since 1991). */
export function instantOf(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000);
}

/** 'HH:mm' (or '24:00') as minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes since midnight as 'HH:mm', clamped to 00:00–24:00. */
export function hhmmOf(minutes: number): string {
  const m = Math.max(0, Math.min(1440, minutes));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}


/** SQL: the business date (Asia/Shanghai) of a timestamp column, whatever the session's zone. */
export const businessDateSql = (column: unknown) => sql`(${column} at time zone ${sql.raw(`'${BUSINESS_TIME_ZONE}'`)})::date`;
