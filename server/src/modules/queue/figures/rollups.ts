import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Items } from '../../../platform/jobs/job.ts';
import { runRollup } from '../../../platform/rollups/coverage.ts';
import { listCenters } from '../../venue/service.ts';
import { tickets } from '../tables.ts';
import { figuresDailyTickets } from './tables.ts';

/** Recomputes the ticket rollup rows of one center and business days (delete + insert, in the caller's transaction). */
export async function computeTicketDays(tx: Tx, centerId: string, from: string, to: string): Promise<void> {
  await tx.execute(sql`delete from ${figuresDailyTickets} where center_id = ${centerId}::uuid and day between ${from}::date and ${to}::date`);
  await tx.execute(sql`
    insert into ${figuresDailyTickets} (center_id, day, dim, key, tickets, done, no_show, cancelled, wait_seconds_sum, wait_count, max_wait_seconds, service_seconds_sum, service_count)
    select t.center_id, t.business_date,
      case when grouping(t.issued_queue_id) = 0 then 'queue' when grouping(t.counter_id) = 0 then 'counter' when grouping(t.staff_id) = 0 then 'clerk' else 'all' end,
      coalesce(case when grouping(t.issued_queue_id) = 0 then t.issued_queue_id end, case when grouping(t.counter_id) = 0 then t.counter_id end, case when grouping(t.staff_id) = 0 then t.staff_id end),
      count(*)::int,
      (count(*) filter (where t.state = 'done'))::int,
      (count(*) filter (where t.state = 'no_show'))::int,
      (count(*) filter (where t.state = 'cancelled'))::int,
      sum(extract(epoch from t.called_at - t.issued_at)) filter (where t.called_at is not null),
      (count(*) filter (where t.called_at is not null))::int,
      max(extract(epoch from t.called_at - t.issued_at)),
      sum(extract(epoch from t.service_ended_at - t.service_started_at)) filter (where t.state = 'done' and t.service_started_at is not null and t.service_ended_at is not null),
      (count(*) filter (where t.state = 'done' and t.service_started_at is not null and t.service_ended_at is not null))::int
    from ${tickets} t
    where t.center_id = ${centerId}::uuid and t.business_date between ${from}::date and ${to}::date
    group by t.center_id, t.business_date, grouping sets ((), (t.issued_queue_id), (t.counter_id), (t.staff_id))`);
}

/** Each center's first business day with tickets (the (center, day) index answers it). */
async function firstTicketDays(db: Db): Promise<{ centerId: string; firstDay: string | null }[]> {
  return Promise.all(
    (await listCenters(db)).map(async (c) => {
      const [row] = await db.select({ firstDay: sql<string | null>`min(${tickets.businessDate})::text` }).from(tickets).where(eq(tickets.centerId, c.id));
      return { centerId: c.id, firstDay: row?.firstDay ?? null };
    }),
  );
}

/** The job's run: every ticket day not yet rolled up (to yesterday) or made stale by a late change. */
export function rollUpTickets(db: Db, now: Date, items?: Items): Promise<number> {
  return runRollup(db, 'tickets', now, firstTicketDays, computeTicketDays, items);
}
