import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { inRanges, splitPeriod, type DayRange } from '../../../platform/rollups/coverage.ts';
import { tickets } from '../tables.ts';
import type { HistoryGroup } from './contract.ts';
import { figuresDailyTickets } from './tables.ts';

/**
 * Ticket figures of a center over business dates: whole days the rollup covers are read from
 * `figures_daily_tickets`, the other days (today, days a late change made stale, days not yet
 * rolled up) from the tickets themselves; both give the same additive sums, merged here.
 */

export type AggregateRow = {
  key: string | null;
  tickets: number;
  done: number;
  noShow: number;
  cancelled: number;
  waitSeconds: string | null;
  maxWaitSeconds: string | null;
  serviceSeconds: string | null;
};

type Sums = {
  key: string | null;
  tickets: number;
  done: number;
  noShow: number;
  cancelled: number;
  waitSum: string | null;
  waitCount: number;
  maxWait: string | null;
  serviceSum: string | null;
  serviceCount: number;
};

const RAW_KEYS: Record<HistoryGroup | 'all', SQL> = {
  day: sql`t.business_date::text`,
  queue: sql`t.issued_queue_id::text`,
  counter: sql`t.counter_id::text`,
  clerk: sql`t.staff_id::text`,
  all: sql`null::text`,
};

async function rawSums(db: DbOrTx, centerId: string, ranges: DayRange[], by: HistoryGroup | 'all', onlyCalled: boolean): Promise<Sums[]> {
  if (ranges.length === 0) return [];
  const key = RAW_KEYS[by];
  const notNull = by === 'counter' || onlyCalled ? sql`and t.counter_id is not null` : by === 'clerk' ? sql`and t.staff_id is not null` : sql``;
  const result = await db.execute(sql`
    select ${key} as key, count(*)::int as tickets,
      (count(*) filter (where t.state = 'done'))::int as done,
      (count(*) filter (where t.state = 'no_show'))::int as "noShow",
      (count(*) filter (where t.state = 'cancelled'))::int as cancelled,
      (sum(extract(epoch from t.called_at - t.issued_at)) filter (where t.called_at is not null))::text as "waitSum",
      (count(*) filter (where t.called_at is not null))::int as "waitCount",
      max(extract(epoch from t.called_at - t.issued_at))::text as "maxWait",
      (sum(extract(epoch from t.service_ended_at - t.service_started_at)) filter (where t.state = 'done' and t.service_started_at is not null))::text as "serviceSum",
      (count(*) filter (where t.state = 'done' and t.service_started_at is not null and t.service_ended_at is not null))::int as "serviceCount"
    from ${tickets} t
    where t.center_id = ${centerId}::uuid and ${inRanges(sql`t.business_date`, ranges)} ${notNull}
    group by 1`);
  return (result as unknown as { rows: Sums[] }).rows;
}

async function rollupSums(db: DbOrTx, centerId: string, days: string[], by: HistoryGroup | 'all', onlyCalled: boolean): Promise<Sums[]> {
  if (days.length === 0) return [];
  const dim = by === 'day' ? 'all' : onlyCalled && by === 'all' ? 'counter' : by;
  const key = by === 'day' ? sql`r.day::text` : by === 'all' ? sql`null::text` : sql`r.key::text`;
  const notNull = dim === 'counter' || dim === 'clerk' ? sql`and r.key is not null` : sql``;
  const result = await db.execute(sql`
    select ${key} as key, sum(r.tickets)::int as tickets, sum(r.done)::int as done, sum(r.no_show)::int as "noShow", sum(r.cancelled)::int as cancelled,
      sum(r.wait_seconds_sum)::text as "waitSum", sum(r.wait_count)::int as "waitCount", max(r.max_wait_seconds)::text as "maxWait",
      sum(r.service_seconds_sum)::text as "serviceSum", sum(r.service_count)::int as "serviceCount"
    from ${figuresDailyTickets} r
    where r.center_id = ${centerId}::uuid and r.dim = ${dim} and r.day = any(${`{${days.join(',')}}`}::date[]) ${notNull}
    group by 1`);
  return (result as unknown as { rows: Sums[] }).rows;
}

async function sums(db: DbOrTx, f: { centerId: string; from: string; to: string }, by: HistoryGroup | 'all', onlyCalled: boolean): Promise<AggregateRow[]> {
  const split = await splitPeriod(db, 'tickets', f.centerId, f.from, f.to);
  const parts = [...(await rollupSums(db, f.centerId, split.covered, by, onlyCalled)), ...(await rawSums(db, f.centerId, split.raw, by, onlyCalled))];
  const merged = new Map<string | null, Sums>();
  for (const p of parts) {
    const m = merged.get(p.key);
    if (!m) merged.set(p.key, { ...p });
    else {
      m.tickets += p.tickets;
      m.done += p.done;
      m.noShow += p.noShow;
      m.cancelled += p.cancelled;
      m.waitSum = addNumeric(m.waitSum, p.waitSum);
      m.waitCount += p.waitCount;
      m.maxWait = m.maxWait === null ? p.maxWait : p.maxWait === null ? m.maxWait : String(Math.max(Number(m.maxWait), Number(p.maxWait)));
      m.serviceSum = addNumeric(m.serviceSum, p.serviceSum);
      m.serviceCount += p.serviceCount;
    }
  }
  return [...merged.values()]
    .map((s) => ({
      key: s.key,
      tickets: s.tickets,
      done: s.done,
      noShow: s.noShow,
      cancelled: s.cancelled,
      waitSeconds: s.waitCount > 0 && s.waitSum !== null ? String(Number(s.waitSum) / s.waitCount) : null,
      maxWaitSeconds: s.maxWait,
      serviceSeconds: s.serviceCount > 0 && s.serviceSum !== null ? String(Number(s.serviceSum) / s.serviceCount) : null,
    }))
    .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

const addNumeric = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : String(Number(a) + Number(b)));

/** Ticket figures of a center over business dates, grouped; counters and clerks count the tickets they called. */
export function aggregateTickets(db: DbOrTx, f: { centerId: string; from: string; to: string; by: HistoryGroup }): Promise<AggregateRow[]> {
  return sums(db, f, f.by, false);
}

/** The same figures without grouping. */
export async function aggregateTotal(db: DbOrTx, f: { centerId: string; from: string; to: string; onlyCalled: boolean }): Promise<AggregateRow> {
  const [row] = await sums(db, f, 'all', f.onlyCalled);
  return row ?? { key: null, tickets: 0, done: 0, noShow: 0, cancelled: 0, waitSeconds: null, maxWaitSeconds: null, serviceSeconds: null };
}
