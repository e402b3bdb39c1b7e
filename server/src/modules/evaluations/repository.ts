import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { RatingChannel } from './contract.ts';
import { ratings } from './tables.ts';

export type RatingFields = {
  centerId: string;
  ticketId: string | null;
  applicationId: string | null;
  level: number;
  channel: RatingChannel;
  questionSet: 'in_person' | 'online';
  isRealName: boolean;
  staffId: string | null;
  counterId: string | null;
  comment: string;
};

/** Inserts the rating; undefined when the ticket was already rated (one rating per visit). */
export async function insertRating(db: DbOrTx, fields: RatingFields) {
  const [row] = await db.insert(ratings).values(fields).onConflictDoNothing({ target: ratings.ticketId }).returning();
  return row;
}

export async function findRatingsOfTickets(db: DbOrTx, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.select({ ticketId: ratings.ticketId, level: ratings.level }).from(ratings).where(inArray(ratings.ticketId, ticketIds));
}

export async function findRating(db: DbOrTx, id: string) {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
  return row;
}

/** Bulk load for demo history. */
export async function insertRatings(db: DbOrTx, rows: (RatingFields & { ratedAt: Date })[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(ratings).values(rows.slice(i, i + 500));
}
