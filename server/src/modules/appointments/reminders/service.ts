import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { loadCalendar } from '../../../platform/calendar/service.ts';
import { listWaitingAppointmentTickets } from '../../queue/service.ts';
import { listCenters } from '../../venue/service.ts';
import { businessClock, instantOf, minutesOf } from '../../../platform/calendar/clock.ts';
import { bookingParams, sendBookingSms } from '../booking/messages.ts';
import * as bookings from '../booking/repository.ts';
import { loadSettings } from '../settings/service.ts';

/** How many places from being called the "almost your turn" message goes out. */
export const ALMOST_CALLED_PLACES = 3;

/**
 * The day-before reminder: from the center's reminder time on the last working day before the
 * booking (Friday for a Monday), once per booking and date (a rescheduled booking is reminded of
 * its new date). Bookings made after that moment are not reminded: their confirmation just went out.
 */
export async function sendDayBeforeReminders(db: Db, config: Config, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const moment = businessClock(now);
  const calendar = await loadCalendar(db);
  let sent = 0;
  for (const center of (await listCenters(db)).filter((c) => c.isActive)) {
    const settings = await loadSettings(db, center.id);
    const reminderMinute = minutesOf(settings.reminderTime);
    if (moment.minutes < reminderMinute) continue;
    const target = calendar.nextWorkingDay(moment.date);
    const reminderMoment = instantOf(moment.date, reminderMinute);
    const due = (await bookings.listAppointments(db, { centerId: center.id, date: target, states: ['booked'] }, 5000)).filter(
      (b) => b.remindedForDate !== b.date && b.createdAt.getTime() < reminderMoment.getTime(),
    );
    await each(
      due,
      async (b) => {
        const isSent = await db.transaction(async (tx) => {
          const row = await bookings.lockById(tx, b.id);
          if (!row || row.state !== 'booked' || row.remindedForDate === row.date) return false;
          await sendBookingSms(tx, config, row, {
            template: 'appointment_reminder',
            params: bookingParams(row, center.name, settings),
            dedupeKey: `appointment:${row.id}:reminder:${row.date}`,
          });
          await bookings.updateAppointment(tx, row.id, { remindedForDate: row.date });
          return true;
        });
        if (isSent) sent += 1;
      },
      (b) => `appointment ${b.id}`,
    );
  }
  return sent;
}

/**
 * "Almost your turn": an appointment holder whose ticket is three places (or fewer) from being
 * called gets one SMS. Runs often; the booking remembers that it was sent.
 */
export async function sendAlmostCalledReminders(db: Db, config: Config, now = new Date(), { each }: Items = strictItems): Promise<number> {
  let sent = 0;
  for (const center of (await listCenters(db)).filter((c) => c.isActive)) {
    const waiting = (await listWaitingAppointmentTickets(db, center.id, now)).filter((t) => t.ahead <= ALMOST_CALLED_PLACES);
    await each(
      waiting,
      (t) =>
        db.transaction(async (tx) => {
          const row = await bookings.lockById(tx, t.appointmentId);
          if (!row || row.ticketReminderSentAt !== null || row.ticketId !== t.ticketId) return;
          await sendBookingSms(tx, config, row, {
            template: 'ticket_almost_called',
            params: { center: center.name, ticket: t.displayNumber, ahead: t.ahead },
            dedupeKey: `ticket:${t.ticketId}:almost_called`,
          });
          await bookings.updateAppointment(tx, row.id, { ticketReminderSentAt: now });
          sent += 1;
        }),
      (t) => `appointment ${t.appointmentId}`,
    );
  }
  return sent;
}
