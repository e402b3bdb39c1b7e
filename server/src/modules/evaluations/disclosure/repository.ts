import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { callbacks, ratings, rectifications } from '../tables.ts';
import { businessDateSql } from '../../../platform/calendar/clock.ts';

const localDate = businessDateSql;

export type RectifiedRow = {
  ratedOn: string;
  rectifiedOn: string;
  departmentId: string | null;
  itemName: string;
  level: number;
  tags: string[];
  questionSet: 'in_person' | 'online';
  publicSummary: string;
};

/**
 * Bad reviews whose rectification was marked done in the period, excluded ones left out. Only
 * what the disclosure page may show is selected: no rater, comment, measures text or staff.
 */
export async function rectifiedBetween(db: DbOrTx, centerId: string, from: string, to: string): Promise<RectifiedRow[]> {
  const result = (await db.execute(sql`
    select to_char(${localDate(sql`r.rated_at`)}, 'YYYY-MM-DD') as "ratedOn", to_char(${localDate(sql`x.done_at`)}, 'YYYY-MM-DD') as "rectifiedOn",
      r.department_id as "departmentId", r.item_name as "itemName", r.level, r.tags, r.question_set as "questionSet", x.public_summary as "publicSummary"
    from ${rectifications} x
    join ${callbacks} c on c.id = x.callback_id
    join ${ratings} r on r.id = c.rating_id
    where c.center_id = ${centerId}::uuid and x.done_at is not null and r.excluded_at is null
      and x.done_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and x.done_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
    order by x.done_at`)) as unknown as { rows: RectifiedRow[] };
  return result.rows;
}

/** The month of the center's first rating (YYYY-MM), or null: read from the (center, rated_at) index. */
export async function firstRatedMonth(db: DbOrTx, centerId: string): Promise<string | null> {
  const result = (await db.execute(sql`
    select to_char(${localDate(sql`min(rated_at)`)}, 'YYYY-MM') as "month" from ${ratings} where center_id = ${centerId}::uuid`)) as unknown as { rows: { month: string | null }[] };
  return result.rows[0]?.month ?? null;
}
