import { and, between, eq, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/database.ts';
import { addDays, businessToday } from '../calendar/working-days.ts';
import type { Items } from '../jobs/job.ts';
import { strictItems } from '../jobs/job.ts';
import { figuresRollupDays, figuresStaleDays } from './tables.ts';

/**
 * The daily figures rollups' bookkeeping, shared by the modules that keep rollups: which days of a
 * period are answered from the rollups and which from the raw rows, and the job that (re)computes
 * the days — every day after the last one covered up to yesterday, and every day a late change
 * marked stale — by delete + insert in one transaction per run of days, so that running it twice changes
 * nothing.
 */

export type RollupDomain = 'tickets' | 'ratings' | 'services';
export type DayRange = { from: string; to: string };

/** The days of [from, to] answered by the rollups (covered and not stale), and the ranges left to the raw rows. */
export async function splitPeriod(db: DbOrTx, domain: RollupDomain, centerId: string, from: string, to: string): Promise<{ covered: string[]; raw: DayRange[] }> {
  const rows = await db
    .select({ day: sql<string>`${figuresRollupDays.day}::text` })
    .from(figuresRollupDays)
    .where(
      and(
        eq(figuresRollupDays.domain, domain),
        eq(figuresRollupDays.centerId, centerId),
        between(figuresRollupDays.day, from, to),
        sql`not exists (select 1 from ${figuresStaleDays} s where s.domain = ${figuresRollupDays.domain} and s.center_id = ${figuresRollupDays.centerId} and s.day = ${figuresRollupDays.day})`,
      ),
    )
    .orderBy(figuresRollupDays.day);
  const covered = rows.map((r) => r.day);
  return { covered, raw: gapsOf(covered, from, to) };
}

/** The runs of days of [from, to] that are not in `days` (sorted). */
export function gapsOf(days: string[], from: string, to: string): DayRange[] {
  const gaps: DayRange[] = [];
  let next = from;
  for (const day of days) {
    if (day > next) gaps.push({ from: next, to: addDays(day, -1) });
    if (day >= next) next = addDays(day, 1);
  }
  if (next <= to) gaps.push({ from: next, to });
  return gaps;
}

/** SQL: `column` (a date) within one of the ranges; false when there is none. */
export function inRanges(column: unknown, ranges: DayRange[]) {
  if (ranges.length === 0) return sql`false`;
  return sql`(${sql.join(
    ranges.map((r) => sql`${column} between ${r.from}::date and ${r.to}::date`),
    sql` or `,
  )})`;
}

/**
 * The last day a job may roll up: the day before today, and at least two minutes past its end on
 * the database's clock too, so that a change made just before midnight (not marked stale: it was
 * today's) has committed before its day is first computed.
 */
export function lastRollupDay(now: Date): string {
  return addDays(businessToday(new Date(Math.min(now.getTime(), Date.now()) - 120_000)), -1);
}

/** Days to compute: a run of days of one center (at most a month: one transaction each), or one stale day with the mark read. */
export type DayTask = { centerId: string; from: string; to: string; staleVersion: number | null };

const RUN_DAYS = 31;

/** Every day to (re)compute: those after the last covered one (from the center's first day of data), and the stale ones. */
export async function daysToCompute(db: DbOrTx, domain: RollupDomain, firstDays: { centerId: string; firstDay: string | null }[], lastDay: string): Promise<DayTask[]> {
  const covered = await db
    .select({ centerId: figuresRollupDays.centerId, last: sql<string | null>`${max(figuresRollupDays.day)}::text` })
    .from(figuresRollupDays)
    .where(eq(figuresRollupDays.domain, domain))
    .groupBy(figuresRollupDays.centerId);
  const lastOf = new Map(covered.map((c) => [c.centerId, c.last]));
  const stale = await db
    .select({ centerId: figuresStaleDays.centerId, day: sql<string>`${figuresStaleDays.day}::text`, version: figuresStaleDays.version })
    .from(figuresStaleDays)
    .where(and(eq(figuresStaleDays.domain, domain), sql`${figuresStaleDays.day} <= ${lastDay}::date`));
  const tasks: DayTask[] = stale.map((s) => ({ centerId: s.centerId, from: s.day, to: s.day, staleVersion: s.version }));
  for (const { centerId, firstDay } of firstDays) {
    const last = lastOf.get(centerId);
    const start = last ? addDays(last, 1) : firstDay;
    for (let from = start; from !== null && from <= lastDay; from = addDays(from, RUN_DAYS)) {
      const to = addDays(from, RUN_DAYS - 1);
      tasks.push({ centerId, from, to: to < lastDay ? to : lastDay, staleVersion: null });
    }
  }
  return tasks;
}

/**
 * Recomputes days in one transaction: `compute` deletes and inserts their rollup rows, each day is
 * recorded as covered, and the stale mark read is cleared unless a later change bumped it.
 */
export async function recomputeDays(db: Db, domain: RollupDomain, task: DayTask, compute: (tx: Tx) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await compute(tx);
    await tx.execute(sql`
      insert into ${figuresRollupDays} (domain, center_id, day)
      select ${domain}, ${task.centerId}::uuid, d::date from generate_series(${task.from}::date, ${task.to}::date, interval '1 day') d
      on conflict (domain, center_id, day) do update set computed_at = now()`);
    if (task.staleVersion !== null)
      await tx
        .delete(figuresStaleDays)
        .where(and(eq(figuresStaleDays.domain, domain), eq(figuresStaleDays.centerId, task.centerId), sql`${figuresStaleDays.day} = ${task.from}::date`, eq(figuresStaleDays.version, task.staleVersion)));
  });
}

/** A rollup job's run: every run of days to compute, one transaction each; returns the number of days. */
export async function runRollup(
  db: Db,
  domain: RollupDomain,
  now: Date,
  firstDays: (db: Db) => Promise<{ centerId: string; firstDay: string | null }[]>,
  compute: (tx: Tx, centerId: string, from: string, to: string) => Promise<void>,
  items: Items = strictItems,
): Promise<number> {
  const tasks = await daysToCompute(db, domain, await firstDays(db), lastRollupDay(now));
  await items.each(tasks, (t) => recomputeDays(db, domain, t, (tx) => compute(tx, t.centerId, t.from, t.to)), (t) => `${domain}:${t.centerId}:${t.from}..${t.to}`);
  return tasks.reduce((n, t) => n + (Date.parse(t.to) - Date.parse(t.from)) / 86_400_000 + 1, 0);
}
