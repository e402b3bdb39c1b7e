import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Which (domain, center, business day) the daily figures rollups hold, and which of them a late
 * change has made stale. A figures endpoint reads the rollups for a day only when it is covered and
 * not stale, and the raw rows otherwise (today always), so its answer never depends on when the
 * rollup job last ran. Stale marks are written by triggers on the source tables (see the migration
 * `figures_rollups`); `version` grows on each mark so that a job that recomputed a day only clears
 * the mark it read.
 */
export const figuresRollupDays = pgTable(
  'figures_rollup_days',
  {
    domain: text('domain').notNull(),
    centerId: uuid('center_id').notNull(),
    day: date('day').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.domain, t.centerId, t.day] })],
);

export const figuresStaleDays = pgTable(
  'figures_stale_days',
  {
    domain: text('domain').notNull(),
    centerId: uuid('center_id').notNull(),
    day: date('day').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.domain, t.centerId, t.day] })],
);
