import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { listPublishedItemFacts } from '../../catalog/published/items.ts';
import { listCounters } from '../../venue/service.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { listQueues, loadSettings, priorityRuleOf, queueOfItem } from '../settings/service.ts';
import { orderForCalling } from '../tickets/priority.ts';
import { waitingByQueue } from '../live/repository.ts';
import { findTicket, listCallCandidates } from '../tickets/repository.ts';
import { toTicketDto } from '../tickets/service.ts';
import type { ClerkCounterDto, WorkbenchDto } from './contract.ts';
import { counterForClerk, countDoneAtCounter, findLiveSession, listLiveSessions } from './service.ts';

const NEXT_SHOWN = 5;

/** The counters of the clerk's center, with who is on each, the clerk's own counter first. */
export async function listClerkCounters(db: Db, clerk: StaffPrincipal, homeCounterId: string | null): Promise<ClerkCounterDto[]> {
  if (!clerk.centerId) return [];
  const [counters, queues, sessions] = await Promise.all([listCounters(db, clerk.centerId), listQueues(db, clerk.centerId), listLiveSessions(db, clerk.centerId)]);
  const today = businessClock(new Date()).date;
  const sessionOf = new Map(sessions.filter((s) => s.businessDate === today).map((s) => [s.counterId, s]));
  return counters
    .filter((c) => c.isActive)
    .map((c) => {
      const s = sessionOf.get(c.id);
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        zoneId: c.zoneId,
        zoneName: c.zoneName,
        purpose: c.purpose,
        queueIds: queues.filter((q) => q.counterIds.includes(c.id)).map((q) => q.id),
        isHome: c.id === homeCounterId,
        session: s ? { state: s.state, staffName: s.staffName, openedAt: s.openedAt.toISOString(), isMine: s.staffId === clerk.id } : null,
      };
    })
    .sort((a, b) => Number(b.isHome) - Number(a.isHome));
}

/** Everything the clerk's workbench shows for one counter. */
export async function getWorkbench(db: Db, counterId: string, clerk: StaffPrincipal, now = new Date()): Promise<WorkbenchDto> {
  const counter = await counterForClerk(db, counterId, clerk);
  const today = businessClock(now).date;
  const [settings, queues, counters, items, session, waiting] = await Promise.all([
    loadSettings(db, counter.centerId),
    listQueues(db, counter.centerId),
    listCounters(db, counter.centerId),
    listPublishedItemFacts(db, counter.centerId),
    findLiveSession(db, counterId),
    waitingByQueue(db, counter.centerId, today),
  ]);
  const live = session && session.businessDate === today ? session : undefined;
  const mine = queues.filter((q) => q.counterIds.includes(counterId));
  const candidates = await listCallCandidates(db, { centerId: counter.centerId, businessDate: today, queueIds: mine.map((q) => q.id), counterId, perClass: 1000 });
  const order = orderForCalling(candidates, priorityRuleOf(settings), NEXT_SHOWN);
  const nextRows = await Promise.all(order.map((c) => findTicket(db, c.id)));
  const current = live?.currentTicketId ? await findTicket(db, live.currentTicketId) : undefined;
  const itemNames = new Map(items.map((i) => [i.id, i.name]));
  return {
    counter: { id: counter.id, number: counter.number, name: counter.name, zoneName: counter.zoneName, centerId: counter.centerId },
    session: live ? { state: live.state, staffName: live.staffName, openedAt: live.openedAt.toISOString(), isMine: live.staffId === clerk.id } : null,
    current: current ? await toTicketDto(db, current, itemNames) : null,
    queues: mine.map((q) => ({ id: q.id, name: q.name, prefix: q.prefix, waiting: waiting.get(q.id)?.waiting ?? 0 })),
    next: nextRows
      .filter((t) => t !== undefined)
      .map((t) => ({ ticketId: t.id, displayNumber: t.displayNumber, priorityClass: t.priorityClass, greenReason: t.greenReason, issuedAt: t.issuedAt.toISOString() })),
    waitingTotal: candidates.length,
    servedToday: await countDoneAtCounter(db, counterId, today),
    recallsBeforeNoShow: settings.recallsBeforeNoShow,
    transferQueues: queues.filter((q) => q.isOpen && q.isActive).map((q) => ({ id: q.id, name: q.name, prefix: q.prefix })),
    transferCounters: counters.filter((c) => c.isActive && c.id !== counterId).map((c) => ({ id: c.id, number: c.number, name: c.name })),
    items: items
      .map((i) => ({ id: i.id, code: i.code, name: i.name, isServedHere: mine.some((q) => queueOfItem([q], i)) }))
      .sort((a, b) => Number(b.isServedHere) - Number(a.isServedHere)),
  };
}
