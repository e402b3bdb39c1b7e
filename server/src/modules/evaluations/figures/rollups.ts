import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../../platform/db/database.ts';
import type { Items } from '../../../platform/jobs/job.ts';
import { gapsOf, runRollup, splitPeriod } from '../../../platform/rollups/coverage.ts';
import { listCenters } from '../../venue/service.ts';
import { rateableSubjects, ratings } from '../tables.ts';
import type { FiguresGroup } from './contract.ts';
import { inScope, RATING_MEASURES, RATING_SOURCE, ratingCounts, rowsOf, serviceCounts, type Period, type RatingCounts, type ServiceCounts } from './repository.ts';
import { figuresDailyRatings, figuresDailyServices } from './tables.ts';

/**
 * The 好差评 figures at scale: whole days the rollups cover are read from `figures_daily_ratings`
 * and `figures_daily_services`, the other days (today, stale days, days not yet rolled up) from
 * the raw rows by the repository's own queries; the additive counts are merged here.
 */

const within = (column: SQL, from: string, to: string) => sql`${column} >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and ${column} < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
const localDay = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date`;
const ITEM = sql`nullif(r.item_code, '')`;

/** Recomputes the rating rollup rows of one center and business days (delete + insert, in the caller's transaction). */
export async function computeRatingDays(tx: Tx, centerId: string, from: string, to: string): Promise<void> {
  await tx.execute(sql`delete from ${figuresDailyRatings} where center_id = ${centerId}::uuid and day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    insert into ${figuresDailyRatings} (center_id, day, department_id, dim, key, label, rated, l5, l4, l3, l2, l1, active, active_good, excluded,
      anonymous_bad, real_name_bad, called_back, rectified, callback_hours_sum, callback_hours_count)
    select ${centerId}::uuid, rd, r.department_id,
      case when grouping(r.counter_id) = 0 then 'counter' when grouping(r.staff_id) = 0 then 'staff' when grouping(${ITEM}) = 0 then 'item' when grouping(r.channel) = 0 then 'channel' else 'department' end,
      case when grouping(r.counter_id) = 0 then r.counter_id::text when grouping(r.staff_id) = 0 then r.staff_id::text when grouping(${ITEM}) = 0 then ${ITEM}
        when grouping(r.channel) = 0 then r.channel else r.department_id::text end,
      max(nullif(r.item_name, '')), ${RATING_MEASURES}
    from ${RATING_SOURCE}
    cross join lateral (select ${localDay(sql`r.rated_at`)} as rd) d
    where r.center_id = ${centerId}::uuid and ${within(sql`r.rated_at`, from, to)}
    group by rd, grouping sets ((r.department_id), (r.department_id, r.counter_id), (r.department_id, r.staff_id), (r.department_id, ${ITEM}), (r.department_id, r.channel))`);
}

/** Recomputes the service rollup rows (services finished that day, with their rating if any). */
export async function computeServiceDays(tx: Tx, centerId: string, from: string, to: string): Promise<void> {
  await tx.execute(sql`delete from ${figuresDailyServices} where center_id = ${centerId}::uuid and day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    with r as (
      select ${localDay(sql`x.finished_at`)} as rd, x.department_id, x.counter_id, x.staff_id, x.item_code, x.item_name,
        coalesce(rt.id, ra.id) as rating_id, coalesce(rt.excluded_at, ra.excluded_at) as excluded_at, coalesce(rt.is_default, ra.is_default) as is_default
      from ${rateableSubjects} x
      left join ${ratings} rt on x.kind = 'visit' and rt.ticket_id = x.id
      left join ${ratings} ra on x.kind = 'application' and ra.application_id = x.id
      where x.center_id = ${centerId}::uuid and ${within(sql`x.finished_at`, from, to)}
    )
    insert into ${figuresDailyServices} (center_id, day, department_id, dim, key, label, finished, actively_rated, defaulted, excluded, unrated)
    select ${centerId}::uuid, rd, r.department_id,
      case when grouping(r.counter_id) = 0 then 'counter' when grouping(r.staff_id) = 0 then 'staff' when grouping(${ITEM}) = 0 then 'item' else 'department' end,
      case when grouping(r.counter_id) = 0 then r.counter_id::text when grouping(r.staff_id) = 0 then r.staff_id::text when grouping(${ITEM}) = 0 then ${ITEM} else r.department_id::text end,
      max(nullif(r.item_name, '')),
      count(*)::int,
      count(r.rating_id) filter (where r.excluded_at is null and not r.is_default)::int,
      count(r.rating_id) filter (where r.excluded_at is null and r.is_default)::int,
      count(r.rating_id) filter (where r.excluded_at is not null)::int,
      count(*) filter (where r.rating_id is null)::int
    from r
    group by rd, grouping sets ((r.department_id), (r.department_id, r.counter_id), (r.department_id, r.staff_id), (r.department_id, ${ITEM}))`);
}

const firstDaysOf = (column: 'rated' | 'finished') => async (db: Db) =>
  Promise.all(
    (await listCenters(db)).map(async (c) => {
      const [row] =
        column === 'rated'
          ? await db.select({ first: sql<string | null>`(min(${ratings.ratedAt}) at time zone 'Asia/Shanghai')::date::text` }).from(ratings).where(eq(ratings.centerId, c.id))
          : await db.select({ first: sql<string | null>`(min(${rateableSubjects.finishedAt}) at time zone 'Asia/Shanghai')::date::text` }).from(rateableSubjects).where(eq(rateableSubjects.centerId, c.id));
      return { centerId: c.id, firstDay: row?.first ?? null };
    }),
  );

/** The job's run: every rating and service day not yet rolled up (to yesterday) or made stale by a late change. */
export async function rollUpEvaluations(db: Db, now: Date, items?: Items): Promise<number> {
  return (await runRollup(db, 'ratings', now, firstDaysOf('rated'), computeRatingDays, items)) + (await runRollup(db, 'services', now, firstDaysOf('finished'), computeServiceDays, items));
}

/** The key of a group over a rollup row `f`. */
function rollupKey(groupBy: FiguresGroup): { dim: string; key: SQL } {
  switch (groupBy) {
    case 'center':
      return { dim: 'department', key: sql`f.center_id::text` };
    case 'day':
      return { dim: 'department', key: sql`to_char(f.day, 'YYYY-MM-DD')` };
    case 'month':
      return { dim: 'department', key: sql`to_char(f.day, 'YYYY-MM')` };
    default:
      return { dim: groupBy, key: sql`f.key` };
  }
}

const dayList = (days: string[]) => sql`${`{${days.join(',')}}`}::date[]`;

/** Rating counts of a period, grouped: the rollups for covered days, the raw ratings for the others. */
export async function rolledRatingCounts(db: DbOrTx, p: Period, groupBy: FiguresGroup): Promise<RatingCounts[]> {
  const split = await splitPeriod(db, 'ratings', p.centerId, p.from, p.to);
  const parts: RatingCounts[] = [];
  for (const range of split.raw) parts.push(...(await ratingCounts(db, { ...p, ...range }, groupBy)));
  if (split.covered.length > 0) {
    const { dim, key } = rollupKey(groupBy);
    const result = await db.execute(sql`
      select ${key} as key, max(f.label) as label, sum(f.rated)::int as rated, sum(f.l5)::int as l5, sum(f.l4)::int as l4, sum(f.l3)::int as l3,
        sum(f.l2)::int as l2, sum(f.l1)::int as l1, sum(f.active)::int as active, sum(f.active_good)::int as "activeGood", sum(f.excluded)::int as excluded,
        sum(f.anonymous_bad)::int as "anonymousBad", sum(f.real_name_bad)::int as "realNameBad", sum(f.called_back)::int as "calledBack",
        sum(f.rectified)::int as rectified, sum(f.callback_hours_sum)::float8 as "callbackHoursSum", sum(f.callback_hours_count)::int as "callbackHoursCount"
      from ${figuresDailyRatings} f
      where f.center_id = ${p.centerId}::uuid and f.dim = ${dim} and f.day = any(${dayList(split.covered)}) and ${inScope(sql`f.department_id`, p)}
      group by 1`);
    parts.push(...rowsOf<RatingCounts>(result));
  }
  return mergeByKey(parts);
}

/**
 * Service counts of a period, grouped. A covered day lies wholly before the end of the rating
 * period (its unrated services are past it), wholly after (awaiting), or across it: that day is
 * read raw, as the days not covered.
 */
export async function rolledServiceCounts(db: DbOrTx, p: Period, groupBy: FiguresGroup, ratingPeriodDays: number, now: Date): Promise<ServiceCounts[]> {
  const split = await splitPeriod(db, 'services', p.centerId, p.from, p.to);
  const cutoff = now.getTime() - ratingPeriodDays * 86_400_000;
  const startOf = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
  const past = split.covered.filter((d) => startOf(d) + 86_400_000 <= cutoff);
  const awaiting = split.covered.filter((d) => startOf(d) >= cutoff);
  const parts: ServiceCounts[] = [];
  for (const range of gapsOf([...past, ...awaiting].sort(), p.from, p.to)) parts.push(...(await serviceCounts(db, { ...p, ...range }, groupBy, ratingPeriodDays, now)));
  if (past.length + awaiting.length > 0) {
    const { dim, key } = groupBy === 'channel' ? { dim: 'department', key: sql`null::text` } : rollupKey(groupBy);
    const result = await db.execute(sql`
      select ${key} as key, max(f.label) as label, sum(f.finished)::int as finished, sum(f.actively_rated)::int as "activelyRated",
        sum(f.defaulted)::int as defaulted, sum(f.excluded)::int as excluded,
        coalesce(sum(f.unrated) filter (where f.day = any(${dayList(past)})), 0)::int as "unratedPastPeriod",
        coalesce(sum(f.unrated) filter (where f.day = any(${dayList(awaiting)})), 0)::int as "awaitingRating"
      from ${figuresDailyServices} f
      where f.center_id = ${p.centerId}::uuid and f.dim = ${dim} and f.day = any(${dayList([...past, ...awaiting])}) and ${inScope(sql`f.department_id`, p)}
      group by 1`);
    parts.push(...rowsOf<ServiceCounts>(result));
  }
  return mergeByKey(parts);
}

/** Adds up rows of the same key (numbers summed, the label the greatest, as max() does). */
function mergeByKey<T extends { key: string | null; label: string | null }>(rows: T[]): T[] {
  const merged = new Map<string | null, T>();
  for (const row of rows) {
    const m = merged.get(row.key) as Record<string, unknown> | undefined;
    if (!m) {
      merged.set(row.key, { ...row });
      continue;
    }
    for (const [k, v] of Object.entries(row)) {
      if (k === 'key') continue;
      if (k === 'label') m.label = m.label === null || (v !== null && (v as string) > (m.label as string)) ? v : m.label;
      else if (typeof v === 'number') m[k] = typeof m[k] === 'number' ? (m[k] as number) + v : v;
    }
  }
  return [...merged.values()];
}
