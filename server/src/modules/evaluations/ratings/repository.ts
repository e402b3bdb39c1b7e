import { and, asc, desc, eq, gte, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applications } from '../../applications/tables.ts';
import { tickets } from '../../queue/tables.ts';
import { counters } from '../../venue/tables.ts';
import { ratingAdditions, ratingInvitations, ratings } from '../tables.ts';

/*
 * Besides its own tables, this repository reads tickets and applications (never writes them) for
 * what only a join answers quickly: what an enterprise has left to rate, and the visits and
 * applications whose period ended without a rating. Single subjects go through their modules' services.
 */

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

const unratedTicket = (db: DbOrTx) => notExists(db.select({ one: sql`1` }).from(ratings).where(eq(ratings.ticketId, tickets.id)));
const unratedApplication = (db: DbOrTx) => notExists(db.select({ one: sql`1` }).from(ratings).where(eq(ratings.applicationId, applications.id)));
/** when an application was finished for its applicant: delivered, or declined (不予受理) */
const applicationFinishedAt = sql`coalesce(${applications.deliveredAt}, ${applications.updatedAt})`;
const finishedApplication = and(isNull(applications.parentId), inArray(applications.state, ['delivered', 'declined']));

/** An enterprise's finished visits and applications since `since` that are not rated yet. */
export async function listUnratedOf(db: DbOrTx, uscc: string, since: Date) {
  const visits = await db
    .select({ id: tickets.id, centerId: tickets.centerId, displayNumber: tickets.displayNumber, endedAt: tickets.serviceEndedAt, counterNumber: counters.number })
    .from(tickets)
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .where(and(eq(tickets.uscc, uscc), eq(tickets.state, 'done'), gte(tickets.serviceEndedAt, since), unratedTicket(db)))
    .orderBy(desc(tickets.serviceEndedAt))
    .limit(100);
  const apps = await db
    .select({ id: applications.id, centerId: applications.centerId, number: applications.number, name: applications.name, deliveredAt: applications.deliveredAt, updatedAt: applications.updatedAt })
    .from(applications)
    .where(and(eq(applications.uscc, uscc), finishedApplication, sql`${applicationFinishedAt} >= ${since.toISOString()}::timestamptz`, unratedApplication(db)))
    .orderBy(desc(applicationFinishedAt))
    .limit(100);
  return { visits, applications: apps };
}

/** The ratings of an enterprise's visits and applications, with the number each was known by. */
export async function listRatingsOf(db: DbOrTx, uscc: string, limit = 100) {
  return db
    .select({ rating: ratings, displayNumber: tickets.displayNumber, number: applications.number })
    .from(ratings)
    .leftJoin(tickets, eq(tickets.id, ratings.ticketId))
    .leftJoin(applications, eq(applications.id, ratings.applicationId))
    .where(sql`(${tickets.uscc} = ${uscc} or ${applications.uscc} = ${uscc})`)
    .orderBy(desc(ratings.ratedAt))
    .limit(limit);
}

/** Finished visits of the center that ended before `before` and were never rated, oldest first. */
export async function listVisitsPastPeriod(db: DbOrTx, centerId: string, before: Date, limit: number) {
  return db
    .select({
      id: tickets.id,
      endedAt: tickets.serviceEndedAt,
      counterId: tickets.counterId,
      staffId: tickets.staffId,
      itemId: sql<string | null>`coalesce(${tickets.handledItemIds}[1], ${tickets.itemId})`,
      departmentId: counters.departmentId,
    })
    .from(tickets)
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .where(and(eq(tickets.centerId, centerId), eq(tickets.state, 'done'), lt(tickets.serviceEndedAt, before), unratedTicket(db)))
    .orderBy(asc(tickets.serviceEndedAt))
    .limit(limit);
}

/** Finished applications of the center (not bundle members) finished before `before` and never rated. */
export async function listApplicationsPastPeriod(db: DbOrTx, centerId: string, before: Date, limit: number) {
  return db
    .select({
      id: applications.id,
      deliveredAt: applications.deliveredAt,
      updatedAt: applications.updatedAt,
      departmentId: applications.departmentId,
      staffId: applications.firstHandlerId,
      code: applications.code,
      name: applications.name,
    })
    .from(applications)
    .where(and(eq(applications.centerId, centerId), finishedApplication, sql`${applicationFinishedAt} < ${before.toISOString()}::timestamptz`, unratedApplication(db)))
    .orderBy(asc(applicationFinishedAt))
    .limit(limit);
}

export async function insertDefaultRatings(db: DbOrTx, rows: (typeof ratings.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(ratings).values(rows).onConflictDoNothing().returning();
}
