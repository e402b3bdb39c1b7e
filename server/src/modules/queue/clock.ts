import { hhmmOf, minutesOf } from '../../platform/calendar/clock.ts';
import type { ServiceDays } from './contract.ts';

export type OpeningPeriod = { start: string; end: string };
export type OpeningHours = { serviceDays: ServiceDays; periods: readonly OpeningPeriod[]; lastTicketMinutes: number };

export type TicketWindow = { isOpen: true } | { isOpen: false; reason: 'not_service_day' | 'outside_hours'; message: string };

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
  const shown = hours.periods.map((p) => `${p.start}–${hhmmOf(minutesOf(p.end) - hours.lastTicketMinutes)}`).join('、');
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
