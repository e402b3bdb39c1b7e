import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The one condition a repository adds for a reader's center scope (StaffPrincipal.centerScope):
 * rows whose center is one of `centers`; none at all when the scope is empty; no condition when
 * it is null (the whole installation) or not given.
 */
export function withinCenters(column: AnyPgColumn, centers: readonly string[] | null | undefined): SQL | undefined {
  if (!centers) return undefined;
  return centers.length ? inArray(column, [...centers]) : sql`false`;
}
