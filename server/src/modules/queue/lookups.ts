import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queues } from './tables.ts';

/**
 * Read-only SQL the queue module publishes for other modules' queries (a queue's name by id), so
 * that they show it without reading the queue tables themselves.
 */
export const queueName = (id: AnyColumn | SQL) => sql<string | null>`(select q.name from ${queues} q where q.id = ${id})`;
