import { date, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The daily rollup of tickets (figures at scale): per center, business day and one grouping —
 * `all` (the whole center), `queue` (the queue issued to), `counter`, `clerk` (the one who called)
 * — the additive measures of the history figures: counts, sums and counts of waiting and service
 * seconds (averages are sum / count), and the longest wait. Kept by the job `queue.figures-rollup`
 * (platform/rollups); read for whole covered days, today's rows are read raw.
 */
export const figuresDailyTickets = pgTable(
  'figures_daily_tickets',
  {
    centerId: uuid('center_id').notNull(),
    day: date('day').notNull(),
    dim: text('dim', { enum: ['all', 'queue', 'counter', 'clerk'] }).notNull(),
    key: uuid('key'),
    tickets: integer('tickets').notNull(),
    done: integer('done').notNull(),
    noShow: integer('no_show').notNull(),
    cancelled: integer('cancelled').notNull(),
    waitSecondsSum: numeric('wait_seconds_sum'),
    waitCount: integer('wait_count').notNull(),
    maxWaitSeconds: numeric('max_wait_seconds'),
    serviceSecondsSum: numeric('service_seconds_sum'),
    serviceCount: integer('service_count').notNull(),
  },
  (t) => [index('figures_daily_tickets_center_dim_day').on(t.centerId, t.dim, t.day)],
);
