import { and, desc, eq, gte, isNull, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { appeals, ratings } from '../tables.ts';

export type AppealRow = typeof appeals.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;

/** The ratings a staff member answers for: of their department, their counter, or themselves. */
export type OwnRatings = { centerId: string; departmentId: string | null; counterId: string | null; staffId: string };

export async function findRating(db: DbOrTx, id: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
  return row;
}

export async function findAppeal(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
  return row;
}

export async function lockAppeal(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(appeals).where(eq(appeals.id, id)).for('update');
  return row;
}

export async function listAppealsOfRating(db: DbOrTx, ratingId: string): Promise<AppealRow[]> {
  return db.select().from(appeals).where(eq(appeals.ratingId, ratingId));
}

/** Inserts a pending appeal; undefined when the rating already has a pending one (the partial unique index). */
export async function insertAppeal(db: DbOrTx, row: typeof appeals.$inferInsert): Promise<AppealRow | undefined> {
  const [inserted] = await db.insert(appeals).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateAppeal(db: DbOrTx, id: string, patch: Partial<typeof appeals.$inferInsert>): Promise<void> {
  await db
    .update(appeals)
    .set({ ...patch, version: sql`${appeals.version} + 1` })
    .where(eq(appeals.id, id));
}

export async function appendEvidence(db: DbOrTx, id: string, fileId: string): Promise<void> {
  await db
    .update(appeals)
    .set({ evidenceFileIds: sql`array_append(${appeals.evidenceFileIds}, ${fileId}::uuid)`, version: sql`${appeals.version} + 1` })
    .where(eq(appeals.id, id));
}

/** An upheld appeal: the rating stays, marked excluded from the figures (only once). */
export async function excludeRating(db: DbOrTx, ratingId: string, at: Date): Promise<void> {
  await db
    .update(ratings)
    .set({ excludedAt: at })
    .where(and(eq(ratings.id, ratingId), isNull(ratings.excludedAt)));
}

/** A center's appeals, newest first, with their ratings; `appellantId` narrows to one person's. */
export async function listAppeals(db: DbOrTx, centerId: string, f: { state?: AppealRow['state']; appellantId?: string }) {
  const conditions: SQL[] = [eq(appeals.centerId, centerId)];
  if (f.state) conditions.push(eq(appeals.state, f.state));
  if (f.appellantId) conditions.push(eq(appeals.appellantId, f.appellantId));
  return db
    .select({ appeal: appeals, rating: ratings })
    .from(appeals)
    .innerJoin(ratings, eq(ratings.id, appeals.ratingId))
    .where(and(...conditions))
    .orderBy(desc(appeals.createdAt))
    .limit(500);
}

/** Bad reviews the staff member answers for, given since `since`, not excluded and never appealed. */
export async function listAppealable(db: DbOrTx, own: OwnRatings, since: Date) {
  const mine: SQL[] = [eq(ratings.staffId, own.staffId)];
  if (own.departmentId) mine.push(eq(ratings.departmentId, own.departmentId));
  if (own.counterId) mine.push(eq(ratings.counterId, own.counterId));
  return db
    .select()
    .from(ratings)
    .where(
      and(
        eq(ratings.centerId, own.centerId),
        lte(ratings.level, 2),
        eq(ratings.isDefault, false),
        isNull(ratings.excludedAt),
        gte(ratings.ratedAt, since),
        or(...mine),
        notExists(db.select({ one: sql`1` }).from(appeals).where(eq(appeals.ratingId, ratings.id))),
      ),
    )
    .orderBy(desc(ratings.ratedAt))
    .limit(200);
}
