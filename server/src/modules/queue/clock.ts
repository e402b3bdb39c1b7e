import { BUSINESS_TIME_ZONE } from '../../platform/db/database.ts';
import type { ServiceDays } from './contract.ts';

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

export type OpeningPeriod = { start: string; end: string };
export type OpeningHours = { serviceDays: ServiceDays; periods: readonly OpeningPeriod[]; lastTicketMinutes: number };

export type TicketWindow = { isOpen: true } | { isOpen: false; reason: 'not_service_day' | 'outside_hours'; message: string };

/** 'HH:mm' (or '24:00') as minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * Whether tickets may be taken at this minute of a day: on a service day, inside an opening
 * period, and not within the last `lastTicketMinutes` before the period ends.
 */
export function ticketWindow(hours: OpeningHours, day: { isWorkingDay: boolean; minutes: number }): TicketWindow {
  if (hours.serviceDays === 'working_days' && !day.isWorkingDay) {
    return { isOpen: false, reason: 'not_service_day', message: '今天不是办公日，暂停取号' };
  }
  const inside = hours.periods.some((p) => day.minutes >= minutesOf(p.start) && day.minutes < minutesOf(p.end) - hours.lastTicketMinutes);
  if (inside) return { isOpen: true };
  return { isOpen: false, reason: 'outside_hours', message: `现在不在取号时间（${describeHours(hours)}）` };
}

/** The ticket-taking hours as people read them: 09:00–11:30、14:00–17:00. */
export function describeHours(hours: OpeningHours): string {
  if (hours.periods.length === 0) return '暂未设置办公时间';
  const shown = hours.periods.map((p) => `${p.start}–${toHhmm(minutesOf(p.end) - hours.lastTicketMinutes)}`).join('、');
  return hours.serviceDays === 'working_days' ? `工作日 ${shown}` : `每天 ${shown}`;
}

/** Problems with a list of periods: each must end after it starts, and periods must not overlap. */
export function checkPeriods(periods: readonly OpeningPeriod[]): string | null {
  const sorted = [...periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const [i, p] of sorted.entries()) {
    if (minutesOf(p.end) <= minutesOf(p.start)) return `${p.start}–${p.end}：结束时间应晚于开始时间`;
    const next = sorted[i + 1];
    if (next && minutesOf(next.start) < minutesOf(p.end)) return `${p.start}–${p.end} 与 ${next.start}–${next.end} 重叠`;
  }
  return null;
}

function toHhmm(minutes: number): string {
  const m = Math.max(0, minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
