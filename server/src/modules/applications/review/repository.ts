import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../repository.ts';
import { applicationSupplements, applications, commitmentVerifications, reviewTasks, specialProcedures } from '../tables.ts';

/** Review tasks, supplement requests, special procedures and commitment verifications. */

export type TaskRow = typeof reviewTasks.$inferSelect;
export type TaskState = TaskRow['state'];

export async function insertTasks(db: DbOrTx, rows: (typeof reviewTasks.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(reviewTasks).values(rows);
}

export async function findTask(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(reviewTasks).where(eq(reviewTasks.id, id));
  return row;
}

export async function listTasks(db: DbOrTx, applicationIds: string[]): Promise<TaskRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(reviewTasks).where(inArray(reviewTasks.applicationId, applicationIds)).orderBy(asc(reviewTasks.openedAt));
}

/** Optimistic update of a task: false when its version has moved on. */
export async function updateTask(db: DbOrTx, id: string, version: number, patch: Partial<typeof reviewTasks.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(reviewTasks)
    .set({ ...patch, version: sql`${reviewTasks.version} + 1` })
    .where(and(eq(reviewTasks.id, id), eq(reviewTasks.version, version)))
    .returning({ id: reviewTasks.id });
  return rows.length === 1;
}

export async function updateTasksOf(db: DbOrTx, applicationId: string, fromStates: TaskState[], patch: Partial<typeof reviewTasks.$inferInsert>) {
  await db
    .update(reviewTasks)
    .set({ ...patch, version: sql`${reviewTasks.version} + 1` })
    .where(and(eq(reviewTasks.applicationId, applicationId), inArray(reviewTasks.state, fromStates)));
}

/** The back office's queue: tasks of a department (or one reviewer) with their applications. */
export async function queueOf(db: DbOrTx, f: { departmentId: string; states: TaskState[]; assigneeId?: string; applicationState?: string; q?: string }) {
  const where = [eq(reviewTasks.departmentId, f.departmentId), inArray(reviewTasks.state, f.states)];
  if (f.assigneeId) where.push(eq(reviewTasks.assigneeId, f.assigneeId));
  if (f.applicationState) where.push(eq(applications.state, f.applicationState));
  if (f.q) where.push(matchesSearch(f.q));
  return db
    .select({ task: reviewTasks, application: applications })
    .from(reviewTasks)
    .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
    .where(and(...where))
    .orderBy(asc(applications.dueDate), asc(applications.receivedAt))
    .limit(500);
}

// Supplements

export type SupplementRow = typeof applicationSupplements.$inferSelect;

export async function listSupplements(db: DbOrTx, applicationIds: string[]): Promise<SupplementRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(applicationSupplements).where(inArray(applicationSupplements.applicationId, applicationIds)).orderBy(asc(applicationSupplements.ordinal));
}

export async function insertSupplement(db: DbOrTx, row: typeof applicationSupplements.$inferInsert): Promise<string> {
  const [created] = await db.insert(applicationSupplements).values(row).returning({ id: applicationSupplements.id });
  return created!.id;
}

export async function updateSupplement(db: DbOrTx, id: string, patch: Partial<typeof applicationSupplements.$inferInsert>) {
  await db.update(applicationSupplements).set(patch).where(eq(applicationSupplements.id, id));
}

/** How many supplement requests an application has had (the next one's ordinal is this plus one). */
export async function countSupplements(db: DbOrTx, applicationId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(applicationSupplements).where(eq(applicationSupplements.applicationId, applicationId));
  return row?.n ?? 0;
}

// Special procedures

export type SpecialProcedureRow = typeof specialProcedures.$inferSelect;

export async function insertSpecialProcedure(db: DbOrTx, row: typeof specialProcedures.$inferInsert) {
  await db.insert(specialProcedures).values(row);
}

export async function findOpenProcedure(db: DbOrTx, applicationId: string): Promise<SpecialProcedureRow | undefined> {
  const [row] = await db
    .select()
    .from(specialProcedures)
    .where(and(eq(specialProcedures.applicationId, applicationId), isNull(specialProcedures.endedOn)));
  return row;
}

export async function endProcedure(db: DbOrTx, id: string, patch: Pick<SpecialProcedureRow, 'endedOn' | 'endedAt' | 'endedByName' | 'outcome' | 'pausedDays'>) {
  await db.update(specialProcedures).set(patch).where(eq(specialProcedures.id, id));
}

export async function listProcedures(db: DbOrTx, applicationId: string): Promise<SpecialProcedureRow[]> {
  return db.select().from(specialProcedures).where(eq(specialProcedures.applicationId, applicationId)).orderBy(asc(specialProcedures.startedAt));
}

export async function listOpenProcedures(db: DbOrTx) {
  return db.select().from(specialProcedures).where(isNull(specialProcedures.endedOn));
}

// Commitment verifications

export type VerificationRow = typeof commitmentVerifications.$inferSelect;

export async function insertVerification(db: DbOrTx, row: typeof commitmentVerifications.$inferInsert) {
  await db.insert(commitmentVerifications).values(row).onConflictDoNothing();
}

export async function findVerification(db: DbOrTx, applicationId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(commitmentVerifications).where(eq(commitmentVerifications.applicationId, applicationId));
  return row;
}

export async function updateVerification(db: DbOrTx, applicationId: string, patch: Partial<typeof commitmentVerifications.$inferInsert>) {
  await db.update(commitmentVerifications).set(patch).where(eq(commitmentVerifications.applicationId, applicationId));
}

export async function listVerifications(db: DbOrTx, f: { departmentId?: string; states: VerificationRow['state'][] }) {
  const where = [inArray(commitmentVerifications.state, f.states)];
  if (f.departmentId) where.push(eq(commitmentVerifications.departmentId, f.departmentId));
  return db
    .select({ verification: commitmentVerifications, application: applications })
    .from(commitmentVerifications)
    .innerJoin(applications, eq(applications.id, commitmentVerifications.applicationId))
    .where(and(...where))
    .orderBy(asc(commitmentVerifications.dueDate))
    .limit(500);
}

/** Pending verifications past their due date and not flagged yet. */
export async function dueVerifications(db: DbOrTx, today: string) {
  return db
    .select({ applicationId: commitmentVerifications.applicationId })
    .from(commitmentVerifications)
    .where(and(eq(commitmentVerifications.state, 'pending'), eq(commitmentVerifications.isOverdue, false), sql`${commitmentVerifications.dueDate} < ${today}`));
}
