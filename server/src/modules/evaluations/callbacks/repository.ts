import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { callbackContacts, callbacks, evaluationSettings, ratingAdditions, ratings, rectifications } from '../tables.ts';

export type CallbackRow = typeof callbacks.$inferSelect;
export type ContactRow = typeof callbackContacts.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
export type AdditionRow = typeof ratingAdditions.$inferSelect;

/** Whose callbacks a staff member sees: the whole center, or their department and counter. */
export type CallbackScope = { kind: 'center' } | { kind: 'own'; departmentId: string | null; counterId: string | null };

export async function findSettings(db: DbOrTx, centerId: string) {
  const [row] = await db
    .select({ contactDays: evaluationSettings.callbackContactWorkingDays, finishDays: evaluationSettings.callbackFinishWorkingDays })
    .from(evaluationSettings)
    .where(eq(evaluationSettings.centerId, centerId));
  return row;
}

/** Inserts the callback of a rating; false when the rating already has one. */
export async function insertCallback(db: DbOrTx, row: typeof callbacks.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(callbacks).values(row).onConflictDoNothing({ target: callbacks.ratingId }).returning({ id: callbacks.id });
  return inserted.length === 1;
}

export async function findCallback(db: DbOrTx, id: string): Promise<CallbackRow | undefined> {
  const [row] = await db.select().from(callbacks).where(eq(callbacks.id, id));
  return row;
}

export async function findCallbackOfRating(db: DbOrTx, ratingId: string): Promise<CallbackRow | undefined> {
  const [row] = await db.select().from(callbacks).where(eq(callbacks.ratingId, ratingId));
  return row;
}

export async function lockCallback(db: DbOrTx, id: string): Promise<CallbackRow | undefined> {
  const [row] = await db.select().from(callbacks).where(eq(callbacks.id, id)).for('update');
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateCallback(db: DbOrTx, id: string, patch: Partial<typeof callbacks.$inferInsert>): Promise<void> {
  await db
    .update(callbacks)
    .set({ ...patch, version: sql`${callbacks.version} + 1` })
    .where(eq(callbacks.id, id));
}

export async function insertContact(db: DbOrTx, row: typeof callbackContacts.$inferInsert): Promise<void> {
  await db.insert(callbackContacts).values(row);
}

export async function listContacts(db: DbOrTx, callbackId: string): Promise<ContactRow[]> {
  return db.select().from(callbackContacts).where(eq(callbackContacts.callbackId, callbackId)).orderBy(asc(callbackContacts.contactedAt));
}

export async function findRectification(db: DbOrTx, callbackId: string): Promise<RectificationRow | undefined> {
  const [row] = await db.select().from(rectifications).where(eq(rectifications.callbackId, callbackId));
  return row;
}

export async function insertRectification(db: DbOrTx, row: typeof rectifications.$inferInsert): Promise<void> {
  await db.insert(rectifications).values(row);
}

export async function updateRectification(db: DbOrTx, callbackId: string, patch: Partial<typeof rectifications.$inferInsert>): Promise<void> {
  await db
    .update(rectifications)
    .set({ ...patch, version: sql`${rectifications.version} + 1` })
    .where(eq(rectifications.callbackId, callbackId));
}

export async function appendEvidence(db: DbOrTx, callbackId: string, fileId: string): Promise<void> {
  await db
    .update(rectifications)
    .set({ evidenceFileIds: sql`array_append(${rectifications.evidenceFileIds}, ${fileId}::uuid)`, version: sql`${rectifications.version} + 1` })
    .where(eq(rectifications.callbackId, callbackId));
}

export async function findRating(db: DbOrTx, id: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
  return row;
}

export async function listAdditions(db: DbOrTx, ratingId: string): Promise<AdditionRow[]> {
  return db.select().from(ratingAdditions).where(eq(ratingAdditions.ratingId, ratingId)).orderBy(asc(ratingAdditions.createdAt));
}

export async function insertReRating(db: DbOrTx, row: { ratingId: string; level: number; comment: string; channel: string; enteredBy: string; createdAt: Date }): Promise<void> {
  await db.insert(ratingAdditions).values({ ...row, kind: 're_rating' });
}

export type CallbackFilter = {
  scope: CallbackScope;
  state?: string;
  departmentId?: string;
  /** overdue as of this business date */
  overdueOn?: string;
  /** created from this instant (inclusive) to that one (exclusive) */
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

/** The callbacks of a center a staff member may see, newest first, with the rating they call back. */
export async function listCallbacks(db: DbOrTx, centerId: string, f: CallbackFilter) {
  const where = and(...conditionsOf(centerId, f));
  const [rows, [total]] = await Promise.all([
    db
      .select({ callback: callbacks, rating: ratings })
      .from(callbacks)
      .innerJoin(ratings, eq(ratings.id, callbacks.ratingId))
      .where(where)
      .orderBy(desc(callbacks.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(callbacks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

function conditionsOf(centerId: string, f: CallbackFilter): SQL[] {
  const conditions: SQL[] = [eq(callbacks.centerId, centerId)];
  const scope = scopeCondition(f.scope);
  if (scope) conditions.push(scope);
  if (f.state) conditions.push(eq(callbacks.state, f.state));
  if (f.departmentId) conditions.push(eq(callbacks.departmentId, f.departmentId));
  if (f.overdueOn) conditions.push(overdueCondition(f.overdueOn));
  if (f.from) conditions.push(gte(callbacks.createdAt, f.from));
  if (f.to) conditions.push(lt(callbacks.createdAt, f.to));
  return conditions;
}

function scopeCondition(scope: CallbackScope): SQL | undefined {
  if (scope.kind === 'center') return undefined;
  const mine: SQL[] = [];
  if (scope.departmentId) mine.push(eq(callbacks.departmentId, scope.departmentId));
  if (scope.counterId) mine.push(eq(callbacks.counterId, scope.counterId));
  return mine.length > 0 ? or(...mine) : sql`false`;
}

/** Not contacted by the contact deadline, or not closed by the finish deadline (`today` is past it). */
function overdueCondition(today: string): SQL {
  return or(
    and(isNull(callbacks.contactedAt), ne(callbacks.state, 'closed'), lt(callbacks.contactDueOn, today)),
    and(ne(callbacks.state, 'closed'), lt(callbacks.finishDueOn, today)),
  )!;
}

/** Overdue callbacks whose chief officer has not been alerted yet, every center. */
export async function listOverdueUnalerted(db: DbOrTx, today: string): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbacks)
    .where(and(isNull(callbacks.overdueAlertedAt), overdueCondition(today)))
    .orderBy(asc(callbacks.createdAt))
    .limit(1000);
}

/** Marks the alert sent; false when another run got there first. */
export async function markAlerted(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(callbacks)
    .set({ overdueAlertedAt: at })
    .where(and(eq(callbacks.id, id), isNull(callbacks.overdueAlertedAt)))
    .returning({ id: callbacks.id });
  return rows.length === 1;
}

/** The alerts still standing: alerted and not yet closed, in the scope. */
export async function listAlerted(db: DbOrTx, centerId: string, scope: CallbackScope) {
  const conditions: SQL[] = [eq(callbacks.centerId, centerId), isNotNull(callbacks.overdueAlertedAt), ne(callbacks.state, 'closed')];
  const s = scopeCondition(scope);
  if (s) conditions.push(s);
  return db
    .select({ callback: callbacks, rating: ratings })
    .from(callbacks)
    .innerJoin(ratings, eq(ratings.id, callbacks.ratingId))
    .where(and(...conditions))
    .orderBy(asc(callbacks.overdueAlertedAt))
    .limit(200);
}

export async function listCallbacksOfRatings(db: DbOrTx, ratingIds: string[]): Promise<CallbackRow[]> {
  if (ratingIds.length === 0) return [];
  return db.select().from(callbacks).where(inArray(callbacks.ratingId, ratingIds));
}
