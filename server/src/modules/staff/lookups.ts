import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { departments, staff } from './tables.ts';

/**
 * Read-only SQL the staff module publishes for other modules' queries: a scalar subquery naming a
 * staff member or a department by id, so that those modules show names without reading the staff
 * tables themselves (the tables stay private to this module; only these expressions are shared).
 */
export const staffDisplayName = (id: AnyColumn | SQL) => sql<string | null>`(select s.display_name from ${staff} s where s.id = ${id})`;

export const staffNumber = (id: AnyColumn | SQL) => sql<string | null>`(select s.staff_number from ${staff} s where s.id = ${id})`;

export const departmentName = (id: AnyColumn | SQL) => sql<string | null>`(select d.name from ${departments} d where d.id = ${id})`;
