import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { people } from './tables.ts';

/**
 * Read-only SQL the enterprises module publishes for other modules' queries: a person's masked
 * ID number by id, so that they show it without reading the people table (or copying it).
 */
export const personIdNumberMasked = (id: AnyColumn | SQL) => sql<string>`(select p.id_number_masked from ${people} p where p.id = ${id})`;
