import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { centers, counters } from '../venue/tables.ts';
import { staff } from '../staff/tables.ts';
import { tickets } from '../queue/tables.ts';

/**
 * 好差评 (clause 9.1, GB/T 39734): one five-level rating of a visit (一次一评, against a ticket) or
 * of an application (一事一评). 非常满意 = 5 … 非常不满意 = 1.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    /** the application rated (applications module; no foreign key until it exists) */
    applicationId: uuid('application_id'),
    level: smallint('level').notNull(),
    /** clause 7: where the rating was given */
    channel: text('channel').notNull(),
    /** the rater is known (an enterprise or a phone on the ticket), so a bad rating can be called back (9.1.2) */
    isRealName: boolean('is_real_name').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
    staffId: uuid('staff_id').references(() => staff.id),
    counterId: uuid('counter_id').references(() => counters.id),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    unique('ratings_one_per_ticket').on(t.ticketId),
    index('ratings_center_rated').on(t.centerId, t.ratedAt),
    index('ratings_staff').on(t.staffId),
    check('ratings_level', sql`${t.level} between 1 and 5`),
    check('ratings_channel', sql`${t.channel} in ('evaluator')`),
    check('ratings_subject', sql`${t.ticketId} is not null or ${t.applicationId} is not null`),
  ],
);
