import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { counters } from './tables.ts';

/**
 * Read-only SQL the venue module publishes for other modules' queries (a counter's number by id),
 * so that they show it without reading the venue tables themselves.
 */
export const counterNumber = (id: AnyColumn | SQL) => sql<string | null>`(select c.number from ${counters} c where c.id = ${id})`;
