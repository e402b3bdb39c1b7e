import { and, asc, desc, eq, gte, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rateableSubjects as s, ratingAdditions, ratingInvitations, ratings } from '../tables.ts';

export type InvitationRow = typeof ratingInvitations.$inferSelect;

export async function insertInvitation(db: DbOrTx, row: typeof ratingInvitations.$inferInsert): Promise<void> {
  await db.insert(ratingInvitations).values(row);
}

export async function findInvitationByHash(db: DbOrTx, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(ratingInvitations).where(eq(ratingInvitations.tokenHash, tokenHash));
  return row;
}

/** Marks the invitation used; false when another request used it first. */
export async function useInvitation(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(ratingInvitations)
    .set({ usedAt: at })
    .where(and(eq(ratingInvitations.id, id), isNull(ratingInvitations.usedAt)))
    .returning({ id: ratingInvitations.id });
  return rows.length === 1;
}

export async function hasAddition(db: DbOrTx, ratingId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ratingAdditions.id })
    .from(ratingAdditions)
    .where(and(eq(ratingAdditions.ratingId, ratingId), eq(ratingAdditions.kind, 'addition')))
    .limit(1);
  return rows.length > 0;
}

export async function insertAddition(db: DbOrTx, row: typeof ratingAdditions.$inferInsert) {
  const [created] = await db.insert(ratingAdditions).values(row).returning();
  return created!;
}

const unrated = (db: DbOrTx) =>
  notExists(db.select({ one: sql`1` }).from(ratings).where(sql`${ratings.ticketId} = ${s.id} or ${ratings.applicationId} = ${s.id}`));

/** An enterprise's finished visits and applications since `since` that are not rated yet, latest first. */
export async function listUnratedOf(db: DbOrTx, uscc: string, since: Date) {
  const rows = await db
    .select()
    .from(s)
    .where(and(eq(s.uscc, uscc), gte(s.finishedAt, since), unrated(db)))
    .orderBy(desc(s.finishedAt))
    .limit(200);
  return { visits: rows.filter((r) => r.kind === 'visit'), applications: rows.filter((r) => r.kind === 'application') };
}

/** The ratings of an enterprise's visits and applications, with the number each was known by. */
export async function listRatingsOf(db: DbOrTx, uscc: string, limit = 100) {
  return db
    .select({ rating: ratings, number: s.number })
    .from(ratings)
    .innerJoin(s, sql`${s.id} = coalesce(${ratings.ticketId}, ${ratings.applicationId})`)
    .where(eq(s.uscc, uscc))
    .orderBy(desc(ratings.ratedAt))
    .limit(limit);
}

/** Finished visits and applications of the center that ended before `before` and were never rated, oldest first. */
export async function listSubjectsPastPeriod(db: DbOrTx, centerId: string, before: Date, limit: number) {
  return db
    .select()
    .from(s)
    .where(and(eq(s.centerId, centerId), lt(s.finishedAt, before), unrated(db)))
    .orderBy(asc(s.finishedAt))
    .limit(limit);
}

export async function insertDefaultRatings(db: DbOrTx, rows: (typeof ratings.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(ratings).values(rows).onConflictDoNothing().returning();
}
