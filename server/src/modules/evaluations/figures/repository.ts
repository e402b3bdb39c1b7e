import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { callbackContacts, callbacks, evaluationSettings, rateableSubjects, ratings, rectifications } from '../tables.ts';
import type { FiguresGroup } from './contract.ts';
import { businessDateSql } from '../../../platform/calendar/clock.ts';

/**
 * The counts behind the 好差评 figures, in two statements: the ratings given in the period, and
 * the services finished in the period with the rating each got (if any). The rateable subjects
 * (every finished visit and application) give the denominators of 主动评价率 and 未评价率; business
 * dates are read in Asia/Shanghai whatever the session's zone.
 */

export type Period = { centerId: string; from: string; to: string; departmentIds: string[] | null };

const localDate = businessDateSql;
/** Between the start of `from` and the end of `to` in Shanghai, as instants, so that the (center, time) indexes serve. */
const inPeriod = (column: unknown, p: Period) =>
  sql`${column} >= (${p.from}::date::timestamp at time zone 'Asia/Shanghai') and ${column} < ((${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
export const inScope = (column: unknown, p: Period) =>
  p.departmentIds === null ? sql`true` : p.departmentIds.length === 0 ? sql`false` : sql`${column} in (${sql.join(p.departmentIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

/** The key of a rating's group (SQL over `r`, the ratings alias). */
function ratingKey(groupBy: FiguresGroup): SQL {
  switch (groupBy) {
    case 'center':
      return sql`r.center_id::text`;
    case 'department':
      return sql`r.department_id::text`;
    case 'counter':
      return sql`r.counter_id::text`;
    case 'staff':
      return sql`r.staff_id::text`;
    case 'item':
      return sql`nullif(r.item_code, '')`;
    case 'channel':
      return sql`r.channel`;
    case 'day':
      return sql`to_char(${localDate(sql`r.rated_at`)}, 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(${localDate(sql`r.rated_at`)}, 'YYYY-MM')`;
  }
}

/** Whether a real-name bad review's callback is finished: unfounded after verification, or rectified, or closed. */
const HANDLED = sql`(c.closed_at is not null or c.state = 'closed'
  or (c.verdict = 'unfounded' and c.verified_at is not null)
  or (c.verdict in ('founded', 'partly_founded') and x.done_at is not null))`;
const CONTACTED = sql`(c.contacted_at is not null or fc.first_reached is not null)`;
const REAL_NAME_BAD = sql`(r.excluded_at is null and r.level <= 2 and r.is_real_name)`;

export type RatingCounts = {
  key: string | null;
  label: string | null;
  rated: number;
  l5: number;
  l4: number;
  l3: number;
  l2: number;
  l1: number;
  active: number;
  activeGood: number;
  excluded: number;
  anonymousBad: number;
  realNameBad: number;
  calledBack: number;
  rectified: number;
  callbackHoursSum: number | null;
  callbackHoursCount: number;
};

/** The first contact that reached the rater of callback `c` (a lateral subquery: it reads that callback's contacts only). */
const firstReached = sql`lateral (select min(${callbackContacts.contactedAt}) as first_reached from ${callbackContacts} where ${callbackContacts.callbackId} = c.id and ${callbackContacts.isReached})`;

/** The additive measures of ratings (over `r`, with `c`, `x`, `fc` joined as in RATING_SOURCE), in the rollup's column order. */
export const RATING_MEASURES = sql`
      count(*) filter (where r.excluded_at is null)::int as rated,
      count(*) filter (where r.excluded_at is null and r.level = 5)::int as l5,
      count(*) filter (where r.excluded_at is null and r.level = 4)::int as l4,
      count(*) filter (where r.excluded_at is null and r.level = 3)::int as l3,
      count(*) filter (where r.excluded_at is null and r.level = 2)::int as l2,
      count(*) filter (where r.excluded_at is null and r.level = 1)::int as l1,
      count(*) filter (where r.excluded_at is null and not r.is_default)::int as active,
      count(*) filter (where r.excluded_at is null and not r.is_default and r.level >= 4)::int as "activeGood",
      count(*) filter (where r.excluded_at is not null)::int as excluded,
      count(*) filter (where r.excluded_at is null and r.level <= 2 and not r.is_real_name)::int as "anonymousBad",
      count(*) filter (where ${REAL_NAME_BAD})::int as "realNameBad",
      count(*) filter (where ${REAL_NAME_BAD} and ${CONTACTED})::int as "calledBack",
      count(*) filter (where ${REAL_NAME_BAD} and ${HANDLED})::int as rectified,
      (sum(extract(epoch from (coalesce(fc.first_reached, c.contacted_at) - r.rated_at)) / 3600.0) filter (where ${REAL_NAME_BAD} and ${CONTACTED}))::float8 as "callbackHoursSum",
      count(*) filter (where ${REAL_NAME_BAD} and ${CONTACTED})::int as "callbackHoursCount"`;

/** The ratings with their callback, rectification and first reaching contact. */
export const RATING_SOURCE = sql`${ratings} r
    left join ${callbacks} c on c.rating_id = r.id
    left join ${rectifications} x on x.callback_id = c.id
    left join ${firstReached} fc on true`;

export async function ratingCounts(db: DbOrTx, p: Period, groupBy: FiguresGroup): Promise<RatingCounts[]> {
  const key = ratingKey(groupBy);
  const result = await db.execute(sql`
    select ${key} as key, max(nullif(r.item_name, '')) as label, ${RATING_MEASURES}
    from ${RATING_SOURCE}
    where r.center_id = ${p.centerId}::uuid and ${inPeriod(sql`r.rated_at`, p)} and ${inScope(sql`r.department_id`, p)}
    group by 1`);
  return rowsOf<RatingCounts>(result);
}

export type ServiceCounts = {
  key: string | null;
  label: string | null;
  finished: number;
  activelyRated: number;
  defaulted: number;
  excluded: number;
  unratedPastPeriod: number;
  awaitingRating: number;
};

/**
 * The services finished in the period — visits served to their end and top-level applications
 * delivered or declined — each with its dimensions and its rating. A visit answers to the
 * department of the item served (comprehensive counters have none), else to the counter's.
 */
export async function serviceCounts(db: DbOrTx, p: Period, groupBy: FiguresGroup, ratingPeriodDays: number, now: Date): Promise<ServiceCounts[]> {
  const s = sql`s`;
  const key: SQL = {
    center: sql`${s}.center_id::text`,
    department: sql`${s}.department_id::text`,
    counter: sql`${s}.counter_id::text`,
    staff: sql`${s}.staff_id::text`,
    item: sql`nullif(${s}.item_code, '')`,
    channel: sql`null::text`,
    day: sql`to_char(${localDate(sql`${s}.ended_at`)}, 'YYYY-MM-DD')`,
    month: sql`to_char(${localDate(sql`${s}.ended_at`)}, 'YYYY-MM')`,
  }[groupBy];
  const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(days => ${ratingPeriodDays}::int)`;
  const result = await db.execute(sql`
    with s as (
      select x.center_id, x.department_id, x.counter_id, x.staff_id, x.item_code, nullif(x.item_name, '') as item_name, x.finished_at as ended_at,
        coalesce(rt.id, ra.id) as rating_id, coalesce(rt.excluded_at, ra.excluded_at) as excluded_at, coalesce(rt.is_default, ra.is_default) as is_default
      from ${rateableSubjects} x
      left join ${ratings} rt on x.kind = 'visit' and rt.ticket_id = x.id
      left join ${ratings} ra on x.kind = 'application' and ra.application_id = x.id
      where x.center_id = ${p.centerId}::uuid and ${inPeriod(sql`x.finished_at`, p)} and ${inScope(sql`x.department_id`, p)}
    )
    select ${key} as key, max(s.item_name) as label,
      count(*)::int as finished,
      count(s.rating_id) filter (where s.excluded_at is null and not s.is_default)::int as "activelyRated",
      count(s.rating_id) filter (where s.excluded_at is null and s.is_default)::int as defaulted,
      count(s.rating_id) filter (where s.excluded_at is not null)::int as excluded,
      count(*) filter (where s.rating_id is null and s.ended_at < ${cutoff})::int as "unratedPastPeriod",
      count(*) filter (where s.rating_id is null and s.ended_at >= ${cutoff})::int as "awaitingRating"
    from s
    group by 1`);
  return rowsOf<ServiceCounts>(result);
}

export type PendingRow = {
  ratingId: string;
  callbackId: string | null;
  state: string | null;
  level: number;
  ratedAt: Date | string;
  departmentId: string | null;
  counterId: string | null;
  itemName: string;
  contactDueOn: string | null;
  finishDueOn: string | null;
  isContacted: boolean;
};

/** The real-name bad reviews of the period whose callback is not yet finished, oldest first. */
export async function pendingCallbacks(db: DbOrTx, p: Period, limit: number): Promise<PendingRow[]> {
  const result = await db.execute(sql`
    select r.id as "ratingId", c.id as "callbackId", c.state, r.level, r.rated_at as "ratedAt", r.department_id as "departmentId",
      r.counter_id as "counterId", r.item_name as "itemName", c.contact_due_on::text as "contactDueOn", c.finish_due_on::text as "finishDueOn",
      ${CONTACTED} as "isContacted"
    from ${ratings} r
    left join ${callbacks} c on c.rating_id = r.id
    left join ${rectifications} x on x.callback_id = c.id
    left join ${firstReached} fc on true
    where r.center_id = ${p.centerId}::uuid and ${inPeriod(sql`r.rated_at`, p)} and ${inScope(sql`r.department_id`, p)}
      and ${REAL_NAME_BAD} and (c.id is null or not ${HANDLED})
    order by r.rated_at
    limit ${limit}`);
  return rowsOf<PendingRow>(result);
}

export async function ratingPeriodDays(db: DbOrTx, centerId: string): Promise<number> {
  const [row] = await db.select({ days: evaluationSettings.ratingPeriodDays }).from(evaluationSettings).where(eq(evaluationSettings.centerId, centerId));
  return row?.days ?? 7;
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
