import { bigserial, bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per job: when it is next due and who holds it. A scheduler claims a due job in a short
 * `FOR UPDATE SKIP LOCKED` transaction that moves `next_run_at` on and sets a lease; the job then
 * runs with no transaction or connection held, renewing the lease while it works.
 */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  /** cron expression, read in Asia/Shanghai */
  schedule: text('schedule').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  /** an administrator's "run now", taken by the next scheduler that looks */
  requestedAt: timestamp('requested_at', { withTimezone: true }),
  requestedBy: text('requested_by'),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  currentRunId: bigint('current_run_id', { mode: 'number' }),
});

/** Every run of every job: when, why, how many items went through or failed, and the error. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobName: text('job_name').notNull(),
    trigger: text('trigger', { enum: ['schedule', 'wake', 'manual'] }).notNull(),
    /** the due time (schedule), the notification or the request (wake, manual) that started it */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** running → succeeded (every item went through), partial (some items failed), failed (the run stopped), abandoned (its process went away) */
    status: text('status', { enum: ['running', 'succeeded', 'partial', 'failed', 'abandoned'] }).notNull().default('running'),
    itemsDone: integer('items_done').notNull().default(0),
    itemsFailed: integer('items_failed').notNull().default(0),
    error: text('error'),
    /** the first failed items: [{ item, message }] */
    failures: jsonb('failures').$type<{ item: string; message: string }[]>().notNull().default([]),
    owner: text('owner').notNull(),
  },
  (t) => [
    // A due time runs once, whichever scheduler claims it.
    uniqueIndex('job_runs_once').on(t.jobName, t.scheduledFor),
    index('job_runs_started').on(t.startedAt),
    index('job_runs_job').on(t.jobName, t.startedAt),
  ],
);
