import { date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An administrator's correction of the working-day calendar, e.g. when next year's schedule is published. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note').notNull().default(''),
  updatedBy: text('updated_by').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
