import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import { listPublishedItemFacts } from '../../catalog/published/items.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { describeHours, ticketWindow } from '../clock.ts';
import type { GreenReason } from '../contract.ts';
import { getCenterOrThrow, queueCalendar, listQueues, loadSettings, openingHoursOf, queueOfItem } from '../settings/service.ts';
import { popularItemIds, waitingByQueue } from '../live/repository.ts';
import { readDaily } from '../numbering/repository.ts';
import { issueTicket, waitEstimateOf } from '../tickets/service.ts';
import { sealTicketPhone } from '../tickets/phone.ts';
import type { TicketStatusDto } from '../tickets/contract.ts';
import type { KioskSnapshot } from './contract.ts';

const POPULAR_SHOWN = 8;
const IDLE_SECONDS = 60;

/** The kiosk's start screen: queues by theme with their wait, the popular items, and whether tickets can be taken. */
export async function getKioskSnapshot(db: Db, centerId: string, now = new Date()): Promise<KioskSnapshot> {
  const center = await getCenterOrThrow(db, centerId);
  const settings = await loadSettings(db, centerId);
  const { date, minutes } = businessClock(now);
  const window = ticketWindow(openingHoursOf(settings), { isWorkingDay: (await queueCalendar(db)).isWorkingDay(date), minutes });
  const [queues, items, waiting, popular] = await Promise.all([
    listQueues(db, centerId),
    listPublishedItemFacts(db, centerId),
    waitingByQueue(db, centerId, date),
    popularItemIds(db, centerId, addDays(date, -30), POPULAR_SHOWN * 2),
  ]);
  const active = queues.filter((q) => q.isActive);
  const queueViews = await Promise.all(
    active.map(async (q) => {
      const count = waiting.get(q.id)?.waiting ?? 0;
      const used = q.dailyWalkInQuota === null ? 0 : await readDaily(db, { scope: 'queue_walk_in', scopeId: q.id, businessDate: date });
      return {
        id: q.id,
        name: q.name,
        prefix: q.prefix,
        themes: q.themes,
        isOpen: q.isOpen,
        isFull: q.dailyWalkInQuota !== null && used >= q.dailyWalkInQuota,
        waiting: count,
        estimatedWait: await waitEstimateOf(db, centerId, q.id, count, now),
      };
    }),
  );
  const rank = new Map(popular.map((id, i) => [id, i]));
  const offered = items
    .map((i) => ({ item: i, queue: queueOfItem(queues, i) }))
    .filter((x) => x.queue !== undefined)
    .sort((a, b) => (rank.get(a.item.id) ?? Infinity) - (rank.get(b.item.id) ?? Infinity) || a.item.code.localeCompare(b.item.code))
    .slice(0, POPULAR_SHOWN);
  const popularItems = await Promise.all(
    offered.map(async ({ item, queue }) => {
      const used = item.walkInDailyQuota === null ? 0 : await readDaily(db, { scope: 'item_walk_in', scopeId: item.id, businessDate: date });
      return {
        id: item.id,
        code: item.code,
        name: item.name,
        theme: item.theme,
        queueId: queue!.id,
        isAppointmentOnly: item.appointmentMode === 'appointment_only',
        isFull: item.walkInDailyQuota !== null && used >= item.walkInDailyQuota,
      };
    }),
  );
  return {
    center: { id: center.id, name: center.name },
    isOpen: window.isOpen,
    closedMessage: window.isOpen ? null : window.message,
    hoursText: describeHours(openingHoursOf(settings)),
    queues: queueViews,
    popularItems,
    greenReasons: settings.greenReasons,
    idleSeconds: IDLE_SECONDS,
  };
}

/** A ticket from the kiosk (self-service); the route limits it per client address (the center's kioskTicketsPerMinute) so no one empties the day's numbers. */
export async function takeKioskTicket(
  db: Db,
  config: Config,
  centerId: string,
  input: { queueId: string | null; itemId: string | null; priorityClass: 'ordinary' | 'green_channel'; greenReason: GreenReason | null; uscc: string | null; phone: string | null },
): Promise<{ ticketId: string; status: TicketStatusDto }> {
  const issued = await issueTicket(db, { centerId, ...input, phone: sealTicketPhone(config, input.phone), channel: 'kiosk' });
  return { ticketId: issued.ticket.id, status: issued.status };
}
