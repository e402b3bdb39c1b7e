import { and, between, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { tickets } from '../tables.ts';
import type { HistoryGroup } from './contract.ts';

const aggregates = {
  tickets: sql<number>`count(*)::int`,
  done: sql<number>`(count(*) filter (where ${tickets.state} = 'done'))::int`,
  noShow: sql<number>`(count(*) filter (where ${tickets.state} = 'no_show'))::int`,
  cancelled: sql<number>`(count(*) filter (where ${tickets.state} = 'cancelled'))::int`,
  waitSeconds: sql<string | null>`avg(extract(epoch from ${tickets.calledAt} - ${tickets.issuedAt})) filter (where ${tickets.calledAt} is not null)`,
  maxWaitSeconds: sql<string | null>`max(extract(epoch from ${tickets.calledAt} - ${tickets.issuedAt}))`,
  serviceSeconds: sql<string | null>`avg(extract(epoch from ${tickets.serviceEndedAt} - ${tickets.serviceStartedAt})) filter (where ${tickets.state} = 'done' and ${tickets.serviceStartedAt} is not null)`,
};

export type AggregateRow = {
  key: string | null;
  tickets: number;
  done: number;
  noShow: number;
  cancelled: number;
  waitSeconds: string | null;
  maxWaitSeconds: string | null;
  serviceSeconds: string | null;
};

const KEYS: Record<HistoryGroup, SQL<string | null>> = {
  day: sql`${tickets.businessDate}::text`,
  queue: sql`${tickets.issuedQueueId}::text`,
  counter: sql`${tickets.counterId}::text`,
  clerk: sql`${tickets.staffId}::text`,
};

/** Ticket figures of a center over business dates, grouped; counters and clerks count the tickets they called. */
export async function aggregateTickets(db: DbOrTx, f: { centerId: string; from: string; to: string; by: HistoryGroup }): Promise<AggregateRow[]> {
  const key = KEYS[f.by];
  const conditions = [eq(tickets.centerId, f.centerId), between(tickets.businessDate, f.from, f.to)];
  if (f.by === 'counter') conditions.push(isNotNull(tickets.counterId));
  if (f.by === 'clerk') conditions.push(isNotNull(tickets.staffId));
  return db
    .select({ key, ...aggregates })
    .from(tickets)
    .where(and(...conditions))
    .groupBy(key)
    .orderBy(key);
}

/** The same figures without grouping. */
export async function aggregateTotal(db: DbOrTx, f: { centerId: string; from: string; to: string; onlyCalled: boolean }): Promise<AggregateRow> {
  const conditions = [eq(tickets.centerId, f.centerId), between(tickets.businessDate, f.from, f.to)];
  if (f.onlyCalled) conditions.push(isNotNull(tickets.counterId));
  const [row] = await db
    .select({ key: sql<string | null>`null`, ...aggregates })
    .from(tickets)
    .where(and(...conditions));
  return row!;
}
