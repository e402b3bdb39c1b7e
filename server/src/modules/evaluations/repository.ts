import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { ratingAdditions, ratings } from './tables.ts';

export type RatingRow = typeof ratings.$inferSelect;
export type RatingWrite = typeof ratings.$inferInsert;

/** Inserts the rating; undefined when its visit or application was already rated (one rating each). */
export async function insertRating(db: DbOrTx, fields: RatingWrite): Promise<RatingRow | undefined> {
  const [row] = await db.insert(ratings).values(fields).onConflictDoNothing().returning();
  return row;
}

export async function findRatingsOfTickets(db: DbOrTx, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.select({ ticketId: ratings.ticketId, level: ratings.level }).from(ratings).where(inArray(ratings.ticketId, ticketIds));
}

export async function findRating(db: DbOrTx, id: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
  return row;
}

export async function lockRating(db: DbOrTx, id: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id)).for('update');
  return row;
}

export async function findRatingOfSubject(db: DbOrTx, subject: { ticketId: string } | { applicationId: string }): Promise<RatingRow | undefined> {
  const [row] = await db
    .select()
    .from(ratings)
    .where('ticketId' in subject ? eq(ratings.ticketId, subject.ticketId) : eq(ratings.applicationId, subject.applicationId));
  return row;
}

export async function listAdditions(db: DbOrTx, ratingIds: string[]) {
  if (ratingIds.length === 0) return [];
  return db.select().from(ratingAdditions).where(inArray(ratingAdditions.ratingId, ratingIds)).orderBy(ratingAdditions.createdAt);
}

/** Bulk load for demo history. */
export async function insertRatings(db: DbOrTx, rows: RatingWrite[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(ratings).values(rows.slice(i, i + 500));
}
