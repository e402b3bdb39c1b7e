import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { listCounters, listZones } from '../../venue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import type { QueueEvent } from '../events.ts';
import { getCenterOrThrow, listQueues } from '../settings/service.ts';
import { announcementText } from '../tickets/estimate.ts';
import { lastCalls, waitingByQueue } from '../live/repository.ts';
import type { Announcement, DisplaySnapshot } from './contract.ts';

const CALLS_SHOWN = 8;

/**
 * What a calling display (叫号屏) in a zone shows: the last calls at the zone's counters and the
 * waiting count of the queues they serve. A display in a zone without counters (the hall, the
 * waiting area) shows the whole center.
 */
export async function getDisplaySnapshot(db: Db, centerId: string, zoneId: string, now = new Date()): Promise<DisplaySnapshot> {
  const center = await getCenterOrThrow(db, centerId);
  const [zones, counters, queues] = await Promise.all([listZones(db, centerId), listCounters(db, centerId), listQueues(db, centerId)]);
  const zone = zones.find((z) => z.id === zoneId);
  if (!zone) throw notFound('区域');
  const inZone = counters.filter((c) => c.zoneId === zoneId && c.isActive);
  const shown = inZone.length > 0 ? inZone : counters.filter((c) => c.isActive);
  const counterIds = new Set(shown.map((c) => c.id));
  const active = queues.filter((q) => q.isActive);
  const queuesShown = inZone.length > 0 ? active.filter((q) => q.counterIds.some((id) => counterIds.has(id))) : active;
  const businessDate = businessClock(now).date;
  const [calls, waiting] = await Promise.all([
    lastCalls(db, { centerId, businessDate, counterIds: [...counterIds], limit: CALLS_SHOWN }),
    waitingByQueue(db, centerId, businessDate),
  ]);
  return {
    centerName: center.name,
    zoneName: zone.name,
    counterIds: [...counterIds],
    calls: calls.map((c) => ({
      ticketId: c.ticketId,
      displayNumber: c.displayNumber,
      counterNumber: c.counterNumber,
      calledAt: c.calledAt!.toISOString(),
      state: c.state as DisplaySnapshot['calls'][number]['state'],
    })),
    queues: queuesShown.map((q) => ({ id: q.id, name: q.name, prefix: q.prefix, waiting: waiting.get(q.id)?.waiting ?? 0 })),
    generatedAt: now.toISOString(),
  };
}

/** The words to say for a call or a recall at one of the display's counters. */
export function announcementOf(event: QueueEvent, snapshot: DisplaySnapshot): Announcement | null {
  if (event.kind !== 'ticket' || (event.action !== 'call' && event.action !== 'recall')) return null;
  if (!event.counterId || !snapshot.counterIds.includes(event.counterId) || !event.displayNumber || !event.counterNumber) return null;
  return {
    ticketId: event.ticketId!,
    displayNumber: event.displayNumber,
    counterNumber: event.counterNumber,
    text: announcementText(event.displayNumber, event.counterNumber),
  };
}
