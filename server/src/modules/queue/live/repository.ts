import { and, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { counterNumber } from '../../venue/lookups.ts';
import { counterSessions, queueCounters, tickets } from '../tables.ts';
import { CALLABLE_STATES } from '../tickets/workflow.ts';

/** What the hall's screens, the kiosk and the figures read about the queue as it is now. */

/** Service times (seconds) of the queue's last finished tickets, recent first. */
export async function recentServiceSeconds(db: DbOrTx, queueId: string, since: Date, limit = 20): Promise<number[]> {
  const rows = await db
    .select({ s: sql<string>`extract(epoch from ${tickets.serviceEndedAt} - ${tickets.serviceStartedAt})` })
    .from(tickets)
    .where(and(eq(tickets.queueId, queueId), eq(tickets.state, 'done'), isNotNull(tickets.serviceStartedAt), gte(tickets.serviceEndedAt, since)))
    .orderBy(desc(tickets.serviceEndedAt))
    .limit(limit);
  return rows.map((r) => Number(r.s));
}

/** Counters open now (not paused) that call from each of the center's queues. */
export async function countOpenCountersByQueue(db: DbOrTx, centerId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ queueId: queueCounters.queueId, n: sql<number>`count(*)::int` })
    .from(queueCounters)
    .innerJoin(counterSessions, and(eq(counterSessions.counterId, queueCounters.counterId), eq(counterSessions.state, 'open')))
    .where(eq(counterSessions.centerId, centerId))
    .groupBy(queueCounters.queueId);
  return new Map(rows.map((r) => [r.queueId, r.n]));
}

/** Waiting tickets per queue today, and since when the oldest has waited. */
export async function waitingByQueue(db: DbOrTx, centerId: string, businessDate: string) {
  const rows = await db
    .select({ queueId: tickets.queueId, waiting: sql<number>`count(*)::int`, oldestIssuedAt: sql<Date>`min(${tickets.issuedAt})` })
    .from(tickets)
    .where(and(eq(tickets.centerId, centerId), eq(tickets.businessDate, businessDate), inArray(tickets.state, [...CALLABLE_STATES])))
    .groupBy(tickets.queueId);
  return new Map(rows.map((r) => [r.queueId, { waiting: r.waiting, oldestIssuedAt: r.oldestIssuedAt ? new Date(r.oldestIssuedAt) : null }]));
}

/** The last calls of the day (recalls included) at the given counters, newest first. */
export async function lastCalls(db: DbOrTx, f: { centerId: string; businessDate: string; counterIds: string[] | null; limit: number }) {
  const conditions = [eq(tickets.centerId, f.centerId), eq(tickets.businessDate, f.businessDate), isNotNull(tickets.lastCalledAt), isNotNull(tickets.counterId)];
  if (f.counterIds) conditions.push(inArray(tickets.counterId, f.counterIds));
  return db
    .select({
      ticketId: tickets.id,
      displayNumber: tickets.displayNumber,
      state: tickets.state,
      counterId: tickets.counterId,
      counterNumber: sql<string>`${counterNumber(tickets.counterId)}`,
      calledAt: tickets.lastCalledAt,
      queueId: tickets.queueId,
    })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(desc(tickets.lastCalledAt))
    .limit(f.limit);
}

/** The ticket finished last at a counter since `since`, if any. */
export async function lastFinishedAtCounter(db: DbOrTx, counterId: string, since: Date) {
  const [row] = await db
    .select({ id: tickets.id, displayNumber: tickets.displayNumber, serviceEndedAt: tickets.serviceEndedAt, ratedAt: tickets.ratedAt })
    .from(tickets)
    .where(and(eq(tickets.counterId, counterId), eq(tickets.state, 'done'), gte(tickets.serviceEndedAt, since)))
    .orderBy(desc(tickets.serviceEndedAt))
    .limit(1);
  return row;
}

/** The center's items most asked for at the queue since `since`. */
export async function popularItemIds(db: DbOrTx, centerId: string, since: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ itemId: tickets.itemId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.centerId, centerId), gte(tickets.businessDate, since), isNotNull(tickets.itemId)))
    .groupBy(tickets.itemId)
    .orderBy(desc(sql`count(*)`))
    .limit(limit);
  return rows.map((r) => r.itemId!);
}
