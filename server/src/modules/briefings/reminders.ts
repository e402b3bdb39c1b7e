import type { Config } from '../../config.ts';
import { businessClock, instantOf } from '../../platform/calendar/clock.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { strictItems, type Items } from '../../platform/jobs/job.ts';
import { queueSms } from '../../platform/notifications/service.ts';
import { decryptField, personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import * as repo from './repository.ts';
import { placesOf } from './views.ts';

/** From this Beijing time on the day before an event, its attendees are reminded. */
export const REMINDER_MINUTE = 9 * 60;

/**
 * The day-before reminder (6.2.4): one SMS per attendee of a registration not cancelled, from
 * 09:00 Beijing time on the day before a published event until it starts (an attendee registered
 * later is reminded at once), through the outbox in the transaction that marks it sent: once,
 * however often the job runs or however many processes run it.
 */
export async function sendBriefingReminders(db: Db, config: Config, now = new Date(), { each }: Items = strictItems): Promise<number> {
  const candidates = (await repo.attendeesToRemind(db, now, new Date(now.getTime() + 2 * 86_400_000))).filter(
    ({ event }) => now >= instantOf(addDays(businessClock(event.startsAt).date, -1), REMINDER_MINUTE),
  );
  if (candidates.length === 0) return 0;
  const places = await placesOf(db, [...new Map(candidates.map((c) => [c.event.id, c.event])).values()]);
  const keys = personalDataKeys(config);
  let sent = 0;
  await each(
    candidates,
    async ({ attendee, event }) => {
      const isSent = await db.transaction(async (tx) => {
        if (!(await repo.markReminded(tx, attendee.id, now))) return false;
        const time = startTime(event);
        const place = event.zoneId ? (places.rooms.get(event.zoneId) ?? '中心') : '线上';
        await queueSms(tx, config, {
          phone: decryptField(keys, 'phone', attendee.phoneCipher),
          template: 'briefing_reminder',
          params: { center: places.centers.get(event.centerId) ?? '', name: attendee.name, topic: event.topic, time, place, code: attendee.checkInCode },
          related: { type: 'briefing_attendee', id: attendee.id },
          centerId: event.centerId,
          dedupeKey: `briefing:${attendee.id}:reminder`,
        });
        return true;
      });
      if (isSent) sent += 1;
    },
    ({ attendee }) => `briefing attendee ${attendee.id}`,
  );
  return sent;
}

/**
 * When an event is cancelled, every attendee of a registration not cancelled is told by SMS, in
 * the transaction that cancels it (once: the outbox's dedupe key).
 */
export async function notifyCancelled(tx: DbOrTx, config: Config, event: repo.EventRow, centerName: string): Promise<number> {
  const registrations = (await repo.registrationsOf(tx, { eventId: event.id })).filter((r) => !r.cancelledAt);
  const attendees = await repo.attendeesOf(
    tx,
    registrations.map((r) => r.id),
  );
  const keys = personalDataKeys(config);
  for (const attendee of attendees) {
    await queueSms(tx, config, {
      phone: decryptField(keys, 'phone', attendee.phoneCipher),
      template: 'briefing_cancelled',
      params: { center: centerName, name: attendee.name, topic: event.topic, time: startTime(event) },
      related: { type: 'briefing_attendee', id: attendee.id },
      centerId: event.centerId,
      dedupeKey: `briefing:${attendee.id}:cancelled`,
    });
  }
  return attendees.length;
}

/** 12月8日 14:30, in Beijing time */
function startTime(event: repo.EventRow): string {
  return event.startsAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}
