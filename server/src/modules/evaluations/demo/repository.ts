import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { insertRowsWithDefaults } from '../../../platform/db/bulk-insert.ts';
import { appeals, callbackContacts, callbacks, rateableSubjects, ratingAdditions, ratings, rectifications } from '../tables.ts';

/**
 * Bulk loads for the demo's evaluation history and for the figures' tests: one statement per
 * thousand rows (a JSON record set), so that months of ratings seed in well under a second.
 */

export type NewRating = typeof ratings.$inferInsert;
export type NewCallback = typeof callbacks.$inferInsert;
export type NewContact = typeof callbackContacts.$inferInsert;
export type NewRectification = typeof rectifications.$inferInsert;
export type NewAddition = typeof ratingAdditions.$inferInsert;
export type NewAppeal = typeof appeals.$inferInsert;

export const insertRatingRows = (db: DbOrTx, rows: NewRating[]) => insertRowsWithDefaults(db, ratings, rows);
export const insertCallbackRows = (db: DbOrTx, rows: NewCallback[]) => insertRowsWithDefaults(db, callbacks, rows);
export const insertContactRows = (db: DbOrTx, rows: NewContact[]) => insertRowsWithDefaults(db, callbackContacts, rows);
export const insertRectificationRows = (db: DbOrTx, rows: NewRectification[]) => insertRowsWithDefaults(db, rectifications, rows);
export const insertAdditionRows = (db: DbOrTx, rows: NewAddition[]) => insertRowsWithDefaults(db, ratingAdditions, rows);
export const insertAppealRows = (db: DbOrTx, rows: NewAppeal[]) => insertRowsWithDefaults(db, appeals, rows);

/** A visit or application finished and not yet rated, with what a rating records about it. */
export type UnratedSubject = {
  ticketId: string | null;
  applicationId: string | null;
  departmentId: string | null;
  counterId: string | null;
  staffId: string | null;
  itemId: string | null;
  itemCode: string;
  itemName: string;
  uscc: string | null;
  applicantName: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  /** how the service was sought (the ticket's or the application's channel) */
  channel: string;
  endedAt: Date;
};

/** The center's rateable subjects (finished visits and applications) that have no rating yet. */
export async function unratedSubjects(db: DbOrTx, centerId: string): Promise<UnratedSubject[]> {
  const result = (await db.execute(sql`
    select case when x.kind = 'visit' then x.id end as "ticketId", case when x.kind = 'application' then x.id end as "applicationId",
      x.department_id as "departmentId", x.counter_id as "counterId", x.staff_id as "staffId", x.item_id as "itemId", x.item_code as "itemCode",
      x.item_name as "itemName", x.uscc, x.applicant_name as "applicantName", x.phone_cipher as "phoneCipher", x.phone_masked as "phoneMasked",
      x.channel, x.finished_at as "endedAt"
    from ${rateableSubjects} x
    where x.center_id = ${centerId}::uuid
      and not exists (select 1 from ${ratings} r where r.ticket_id = x.id or r.application_id = x.id)
    order by x.finished_at`)) as unknown as { rows: (Omit<UnratedSubject, 'endedAt'> & { endedAt: Date | string })[] };
  return result.rows.map((r) => ({ ...r, endedAt: new Date(r.endedAt) }));
}

/** Marks ratings excluded (an upheld appeal of the demo or a test). */
export async function markExcluded(db: DbOrTx, ratingIds: string[], at: Date): Promise<void> {
  if (ratingIds.length > 0) await db.update(ratings).set({ excludedAt: at }).where(inArray(ratings.id, ratingIds));
}

/** Whether the center already has evaluation history beyond the evaluator's ratings (seeding twice does nothing). */
export async function hasCallbacks(db: DbOrTx, centerId: string): Promise<boolean> {
  const result = (await db.execute(sql`select exists (select 1 from ${callbacks} where center_id = ${centerId}::uuid) as "has"`)) as unknown as { rows: { has: boolean }[] };
  return result.rows[0]?.has ?? false;
}

/** The first business date of the center's finished visits (the queue demo's days), or null. */
export async function earliestVisitDate(db: DbOrTx, centerId: string): Promise<string | null> {
  const result = (await db.execute(
    sql`select min(business_date)::text as "d" from ${rateableSubjects} where center_id = ${centerId}::uuid and kind = 'visit'`,
  )) as unknown as { rows: { d: string | null }[] };
  return result.rows[0]?.d ?? null;
}

/** Marks a rectification done and its callback closed (tests of the figures moving). */
export async function finishDemoRectification(db: DbOrTx, callbackId: string, at: Date): Promise<void> {
  await db.update(rectifications).set({ doneAt: at, result: '整改完成' }).where(eq(rectifications.callbackId, callbackId));
  await db.update(callbacks).set({ state: 'closed', closedAt: at }).where(eq(callbacks.id, callbackId));
}

/** How many callbacks of the center are in each stage of the demo's story (the demo's test reads it). */
export async function callbackStageCounts(db: DbOrTx, centerId: string, today: string): Promise<Record<string, number>> {
  const result = (await db.execute(sql`
    select case
        when c.state = 'open' and c.contact_due_on >= ${today}::date then 'open'
        when c.state = 'open' then 'open_overdue'
        when c.state = 'contacted' then 'contacted'
        when c.state = 'verified' then 'founded_verified'
        when c.state = 'rectifying' and x.done_at is null then 'rectifying'
        when c.state = 'rectifying' then 'rectified_awaiting'
        when c.state = 'closed' and r.excluded_at is not null then 'closed_by_appeal'
        when c.state = 'closed' and c.verdict = 'unfounded' then 'unfounded_closed'
        when c.state = 'closed' and exists (select 1 from ${ratingAdditions} a where a.rating_id = r.id and a.kind = 're_rating') then 'closed_re_rated'
        else 'closed_other' end as "stage", count(*)::int as "n"
    from ${callbacks} c join ${ratings} r on r.id = c.rating_id left join ${rectifications} x on x.callback_id = c.id
    where c.center_id = ${centerId}::uuid group by 1
    union all
    select 'appeal_' || p.state, count(*)::int from ${appeals} p where p.center_id = ${centerId}::uuid group by p.state`)) as unknown as { rows: { stage: string; n: number }[] };
  return Object.fromEntries(result.rows.map((r) => [r.stage, r.n]));
}
