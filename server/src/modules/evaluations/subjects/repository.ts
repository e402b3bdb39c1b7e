import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rateableSubjects } from '../tables.ts';

export type SubjectRow = typeof rateableSubjects.$inferSelect;
export type SubjectWrite = typeof rateableSubjects.$inferInsert;

/** Records a subject; false when it was recorded already (an event delivered twice). */
export async function insertSubject(db: DbOrTx, row: SubjectWrite): Promise<boolean> {
  const rows = await db.insert(rateableSubjects).values(row).onConflictDoNothing().returning({ id: rateableSubjects.id });
  return rows.length === 1;
}

export async function findSubject(db: DbOrTx, id: string): Promise<SubjectRow | undefined> {
  const [row] = await db.select().from(rateableSubjects).where(eq(rateableSubjects.id, id));
  return row;
}

export async function findVisitByReceipt(db: DbOrTx, receiptTokenHash: string): Promise<SubjectRow | undefined> {
  const [row] = await db
    .select()
    .from(rateableSubjects)
    .where(and(eq(rateableSubjects.kind, 'visit'), eq(rateableSubjects.receiptTokenHash, receiptTokenHash)));
  return row;
}

export async function findVisitByNumber(db: DbOrTx, centerId: string, businessDate: string, number: string): Promise<SubjectRow | undefined> {
  const [row] = await db
    .select()
    .from(rateableSubjects)
    .where(and(eq(rateableSubjects.kind, 'visit'), eq(rateableSubjects.centerId, centerId), eq(rateableSubjects.businessDate, businessDate), eq(rateableSubjects.number, number)))
    .orderBy(desc(rateableSubjects.finishedAt))
    .limit(1);
  return row;
}

export async function findApplicationByNumber(db: DbOrTx, number: string): Promise<SubjectRow | undefined> {
  const [row] = await db
    .select()
    .from(rateableSubjects)
    .where(and(eq(rateableSubjects.kind, 'application'), eq(rateableSubjects.number, number)))
    .limit(1);
  return row;
}

/** The counter a visit was served at (an application taken at a counter answers to it too). */
export async function counterOfVisit(db: DbOrTx, ticketId: string): Promise<string | null> {
  const [row] = await db
    .select({ counterId: rateableSubjects.counterId })
    .from(rateableSubjects)
    .where(and(eq(rateableSubjects.id, ticketId), eq(rateableSubjects.kind, 'visit')));
  return row?.counterId ?? null;
}

/** The last visit finished at a counter since `since`, if any. */
export async function lastVisitAtCounter(db: DbOrTx, counterId: string, since: Date): Promise<SubjectRow | undefined> {
  const [row] = await db
    .select()
    .from(rateableSubjects)
    .where(and(eq(rateableSubjects.kind, 'visit'), eq(rateableSubjects.counterId, counterId), sql`${rateableSubjects.finishedAt} >= ${since.toISOString()}::timestamptz`))
    .orderBy(desc(rateableSubjects.finishedAt))
    .limit(1);
  return row;
}

/** Bulk load (demo history, tests). */
export async function insertSubjects(db: DbOrTx, rows: SubjectWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(rateableSubjects).values(rows.slice(i, i + 500)).onConflictDoNothing();
}
