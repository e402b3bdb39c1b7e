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
 * marked stale — each by delete + insert in one transaction, so that running it twice changes
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

export type DayTask = { centerId: string; day: string; staleVersion: number | null };

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
  const tasks = new Map<string, DayTask>();
  for (const s of stale) tasks.set(`${s.centerId}:${s.day}`, { centerId: s.centerId, day: s.day, staleVersion: s.version });
  for (const { centerId, firstDay } of firstDays) {
    const last = lastOf.get(centerId);
    const start = last ? addDays(last, 1) : firstDay;
    if (!start) continue;
    for (let day = start; day <= lastDay; day = addDays(day, 1)) {
      const key = `${centerId}:${day}`;
      if (!tasks.has(key)) tasks.set(key, { centerId, day, staleVersion: null });
    }
  }
  return [...tasks.values()].sort((a, b) => a.day.localeCompare(b.day) || a.centerId.localeCompare(b.centerId));
}

/**
 * Recomputes one day in one transaction: `compute` deletes and inserts the day's rollup rows, the
 * day is recorded as covered, and the stale mark read is cleared unless a later change bumped it.
 */
export async function recomputeDay(db: Db, domain: RollupDomain, task: DayTask, compute: (tx: Tx) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await compute(tx);
    await tx
      .insert(figuresRollupDays)
      .values({ domain, centerId: task.centerId, day: task.day })
      .onConflictDoUpdate({ target: [figuresRollupDays.domain, figuresRollupDays.centerId, figuresRollupDays.day], set: { computedAt: sql`now()` } });
    if (task.staleVersion !== null)
      await tx
        .delete(figuresStaleDays)
        .where(and(eq(figuresStaleDays.domain, domain), eq(figuresStaleDays.centerId, task.centerId), sql`${figuresStaleDays.day} = ${task.day}::date`, eq(figuresStaleDays.version, task.staleVersion)));
  });
}

/** A rollup job's run: every day to compute, one transaction each; returns the number of days. */
export async function runRollup(
  db: Db,
  domain: RollupDomain,
  now: Date,
  firstDays: (db: Db) => Promise<{ centerId: string; firstDay: string | null }[]>,
  compute: (tx: Tx, centerId: string, day: string) => Promise<void>,
  items: Items = strictItems,
): Promise<number> {
  const tasks = await daysToCompute(db, domain, await firstDays(db), lastRollupDay(now));
  await items.each(tasks, (t) => recomputeDay(db, domain, t, (tx) => compute(tx, t.centerId, t.day)), (t) => `${domain}:${t.centerId}:${t.day}`);
  return tasks.length;
}
