import pino from 'pino';
import type { TestApp } from '../../../test/harness.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import { dispatchOutbox } from '../../platform/outbox/service.ts';
import { notificationHandlers } from '../../platform/notifications/service.ts';
import type { SmsTransport } from '../../platform/notifications/transports.ts';
import { permissionsOf, type Role } from '../../platform/auth/roles.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { listCenters } from '../venue/service.ts';
import { listStaff } from '../staff/service.ts';
import { businessClock, instantOf, minutesOf } from '../../platform/calendar/clock.ts';

/** Shared set-up of the appointment tests: the demo center, its items, working days, a clock, the SMS log. */
export async function appointmentFixture(t: TestApp) {
  const center = (await listCenters(t.db)).find((c) => c.name === '佛山市南海区政务服务中心')!;
  const items = new Map((await listPublishedItemFacts(t.db, center.id)).map((i) => [i.code, i]));
  const calendar = await loadCalendar(t.db);
  const today = businessClock(new Date()).date;
  const sent: { to: string; body: string }[] = [];
  const transport: SmsTransport = { name: 'test', send: async (m) => (sent.push(m), { ref: `t-${sent.length}` }) };
  return {
    centerId: center.id,
    item: (code: string) => items.get(code)!,
    today,
    /** the n-th working day after today (1: the next one) */
    workingDay: (n: number) => calendar.addWorkingDays(today, n),
    /** the first day after today that is not a working day */
    closedDay: () => {
      let d = addDays(today, 1);
      while (calendar.isWorkingDay(d)) d = addDays(d, 1);
      return d;
    },
    previousWorkingDay: (n: number) => {
      let d = today;
      for (let left = n; left > 0; ) {
        d = addDays(d, -1);
        if (calendar.isWorkingDay(d)) left -= 1;
      }
      return d;
    },
    /** the instant of a Beijing wall-clock time on a date */
    at: (date: string, hhmm: string) => instantOf(date, minutesOf(hhmm)),
    sent,
    /** delivers the queued messages through a test transport */
    deliver: async () => {
      // the demo leaves due messages too: deliver until nothing due is left
      for (let total = 0; ; ) {
        const n = await dispatchOutbox(t.db, { config: t.config, log: pino({ level: 'silent' }) }, { handlers: notificationHandlers(transport), batch: 1000 });
        if (n === 0) return total;
        total += n;
      }
    },
    async staffPrincipal(username: string): Promise<StaffPrincipal> {
      const s = (await listStaff(t.db, { centerId: center.id })).find((x) => x.username === username)!;
      const roles = s.roles as Role[];
      return { type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles, permissions: new Set(permissionsOf(roles)), centerId: center.id, centerScope: [center.id], departmentId: s.departmentId ?? null, mustChangePassword: false };
    },
  };
}

/** A mobile number unique within a test file. */
let serial = 0;
const base = 10_000_000 + Math.floor(Math.random() * 80_000_000);
export function freshPhone(): string {
  serial += 1;
  return `139${base + serial}`;
}
