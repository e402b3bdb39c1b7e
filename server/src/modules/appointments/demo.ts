import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { businessClock, instantOf, minutesOf } from '../../platform/calendar/clock.ts';
import { bookAppointment } from './booking/service.ts';
import { addCapacityAdjustment, saveCapacityRule } from './capacity/admin.ts';
import { checkIn } from './check-in/service.ts';
import { runGuaranteeCheck } from './guarantee/service.ts';
import { markNoShows } from './no-shows/service.ts';
import { DEFAULT_SETTINGS, saveSettings } from './settings/service.ts';

/** Items of the demo catalog the demo books, by code. */
const BOOKED_ITEMS = ['NH-SCJG-001', 'NH-SCJG-002', 'NH-SW-001', 'NH-ZR-005', 'NH-ZR-006', 'NH-SCJG-010'];
/** The appointment-only item that fails the 3-working-day guarantee (its counter is away for training). */
const FAILING_ITEM = 'NH-ZR-004';
/** The appointment-only item with overflow places. */
const OVERFLOW_ITEM = 'NH-ZR-006';
/** A person who did not come three times: blocked from booking for 7 days. */
const NO_SHOW_PHONE = '13800000009';

const TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00'];

/**
 * The demo center's appointments (A.6), through the module's own services: settings (slots of
 * 30 minutes, 09:00–12:00 and 14:00–17:30), one item with its own slots whose counter is away for
 * the next working days (so it fails the guarantee and the manager's alert shows), an item with
 * overflow places, bookings for today and the next working day (some checked in, some no-shows),
 * and an applicant blocked after three no-shows.
 */
/** `usccs`: the demo enterprises' credit codes (at least two: some bookings are theirs). */
export async function seedAppointmentsDemo(db: Db, config: Config, centerId: string, usccs: readonly string[], now = new Date()): Promise<void> {
  await saveSettings(db, centerId, {
    version: 0,
    ...DEFAULT_SETTINGS,
    periods: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ],
  });
  const items = new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.code, i]));
  const calendar = await loadCalendar(db);
  const today = businessClock(now).date;

  const failing = items.get(FAILING_ITEM);
  if (failing) {
    await saveCapacityRule(db, { centerId, scope: 'item', scopeId: failing.id, capacityPerSlot: 1, overflowPerSlot: null, version: 0 }, now);
    for (let n = 0; n <= 4; n++) {
      const date = calendar.addWorkingDays(today, n);
      if (calendar.isWorkingDay(date)) {
        await addCapacityAdjustment(db, { centerId, scope: 'item', scopeId: failing.id, date, start: null, delta: -1, reason: '不动产首次登记窗口人员外出培训' }, null, now);
      }
    }
  }
  const overflow = items.get(OVERFLOW_ITEM);
  if (overflow) await saveCapacityRule(db, { centerId, scope: 'item', scopeId: overflow.id, capacityPerSlot: null, overflowPerSlot: 1, version: 0 }, now);

  // Three no-shows on earlier working days: the person is blocked.
  let past = today;
  for (let n = 0; n < 3; n++) {
    past = previousWorkingDay(calendar, past);
    const at = instantOf(past, minutesOf('08:00'));
    await bookAppointment(db, config, { centerId, itemId: items.get(BOOKED_ITEMS[n]!)!.id, date: past, start: '10:00', channel: 'portal', applicant: { uscc: null, phone: NO_SHOW_PHONE }, now: at });
  }

  // Today (when it is a working day): bookings made this morning; the earlier ones checked in or missed.
  const bookedToday: { id: string; start: string }[] = [];
  if (calendar.isWorkingDay(today)) {
    const morning = instantOf(today, minutesOf('07:30'));
    for (const [i, start] of TIMES.entries()) {
      const item = items.get(BOOKED_ITEMS[i % BOOKED_ITEMS.length]!)!;
      const uscc = i === 0 ? usccs[0]! : i === 4 ? usccs[1]! : null;
      const booked = await bookAppointment(db, config, { centerId, itemId: item.id, date: today, start, channel: i % 4 === 1 ? 'desk' : 'portal', applicant: { uscc, phone: demoPhone(i) }, now: morning });
      bookedToday.push({ id: booked.id, start });
    }
  }
  const nowMinutes = businessClock(now).minutes;
  for (const [i, b] of bookedToday.entries()) {
    const start = minutesOf(b.start);
    if (start - 10 > nowMinutes || i % 3 === 2) continue; // not yet due, or a no-show
    await checkIn(db, config, { centerId, appointmentId: b.id, actor: 'kiosk', now: instantOf(today, start - 10) });
  }

  // The next working day: a morning of bookings.
  const tomorrow = calendar.nextWorkingDay(today);
  const bookedAt = new Date(now.getTime() - 3600_000);
  for (const [i, start] of TIMES.slice(0, 8).entries()) {
    const item = items.get(BOOKED_ITEMS[(i + 2) % BOOKED_ITEMS.length]!)!;
    const uscc = i === 0 ? usccs[1]! : i === 3 ? usccs[0]! : null;
    await bookAppointment(db, config, { centerId, itemId: item.id, date: tomorrow, start, channel: i % 3 === 1 ? 'phone' : 'portal', applicant: { uscc, phone: demoPhone(20 + i) }, now: bookedAt });
  }

  await markNoShows(db, config, now);
  await runGuaranteeCheck(db, now);
}

function demoPhone(n: number): string {
  return `1390757${String(1000 + n).padStart(4, '0')}`;
}

function previousWorkingDay(calendar: { isWorkingDay(d: string): boolean }, date: string): string {
  let d = addDays(date, -1);
  while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
  return d;
}
