import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queues, tickets } from './tables.ts';

/**
 * Read-only SQL the queue module publishes for other modules' queries (a queue's name by id), so
 * that they show it without reading the queue tables themselves.
 */
export const queueName = (id: AnyColumn | SQL) => sql<string | null>`(select q.name from ${queues} q where q.id = ${id})`;

/** The number of tickets issued at a center since a moment (the figures of a nearby service point). */
export const ticketsOfCenterSince = (centerId: AnyColumn | SQL, since: Date) =>
  sql<number>`(select count(*)::int from ${tickets} t where t.center_id = ${centerId} and t.issued_at >= ${since.toISOString()})`;
