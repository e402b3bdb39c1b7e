import { date, doublePrecision, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Daily rollups of the 好差评 figures (figures at scale), per center, business day (Asia/Shanghai),
 * department and one more grouping (`dim`: the department itself, the counter, the clerk, the item
 * or the channel), holding the additive measures the figures need. Ratings count on the day of
 * their rating, services on the day they finished. Kept by the jobs `evaluations.figures-rollup`
 * (platform/rollups); read for whole covered days, today's rows and stale days are read raw.
 */
export const figuresDailyRatings = pgTable(
  'figures_daily_ratings',
  {
    centerId: uuid('center_id').notNull(),
    day: date('day').notNull(),
    departmentId: uuid('department_id'),
    dim: text('dim', { enum: ['department', 'counter', 'staff', 'item', 'channel'] }).notNull(),
    key: text('key'),
    label: text('label'),
    rated: integer('rated').notNull(),
    l5: integer('l5').notNull(),
    l4: integer('l4').notNull(),
    l3: integer('l3').notNull(),
    l2: integer('l2').notNull(),
    l1: integer('l1').notNull(),
    active: integer('active').notNull(),
    activeGood: integer('active_good').notNull(),
    excluded: integer('excluded').notNull(),
    anonymousBad: integer('anonymous_bad').notNull(),
    realNameBad: integer('real_name_bad').notNull(),
    calledBack: integer('called_back').notNull(),
    rectified: integer('rectified').notNull(),
    callbackHoursSum: doublePrecision('callback_hours_sum'),
    callbackHoursCount: integer('callback_hours_count').notNull(),
  },
  (t) => [index('figures_daily_ratings_center_dim_day').on(t.centerId, t.dim, t.day)],
);

export const figuresDailyServices = pgTable(
  'figures_daily_services',
  {
    centerId: uuid('center_id').notNull(),
    day: date('day').notNull(),
    departmentId: uuid('department_id'),
    dim: text('dim', { enum: ['department', 'counter', 'staff', 'item'] }).notNull(),
    key: text('key'),
    label: text('label'),
    finished: integer('finished').notNull(),
    activelyRated: integer('actively_rated').notNull(),
    defaulted: integer('defaulted').notNull(),
    excluded: integer('excluded').notNull(),
    /** not rated (yet): past the rating period or still awaiting, decided when read */
    unrated: integer('unrated').notNull(),
  },
  (t) => [index('figures_daily_services_center_dim_day').on(t.centerId, t.dim, t.day)],
);
