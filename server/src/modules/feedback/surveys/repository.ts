import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { surveyQuestions, surveyRecipients, surveyResponses, surveys } from '../tables.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type QuestionRow = typeof surveyQuestions.$inferSelect;
export type RecipientRow = typeof surveyRecipients.$inferSelect;

export async function insertSurvey(db: DbOrTx, row: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [inserted] = await db.insert(surveys).values(row).returning();
  return inserted!;
}

export async function findSurvey(db: DbOrTx, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<SurveyRow | undefined> {
  const query = db.select().from(surveys).where(eq(surveys.id, id));
  const [row] = options.lock ? await query.for(options.lock) : await query;
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateSurvey(db: DbOrTx, id: string, patch: Partial<typeof surveys.$inferInsert>): Promise<void> {
  await db
    .update(surveys)
    .set({ ...patch, version: sql`${surveys.version} + 1` })
    .where(eq(surveys.id, id));
}

export async function listSurveys(db: DbOrTx, f: { centerId: string; state?: string }): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(and(eq(surveys.centerId, f.centerId), f.state ? eq(surveys.state, f.state) : undefined))
    .orderBy(desc(surveys.createdAt))
    .limit(500);
}

export async function replaceQuestions(db: DbOrTx, surveyId: string, rows: Omit<typeof surveyQuestions.$inferInsert, 'surveyId'>[]): Promise<void> {
  await db.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
  if (rows.length > 0) await db.insert(surveyQuestions).values(rows.map((r) => ({ ...r, surveyId })));
}

export async function listQuestions(db: DbOrTx, surveyId: string): Promise<QuestionRow[]> {
  return db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));
}

export async function countQuestions(db: DbOrTx, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db.select({ surveyId: surveyQuestions.surveyId, n: count() }).from(surveyQuestions).where(inArray(surveyQuestions.surveyId, surveyIds)).groupBy(surveyQuestions.surveyId);
  return new Map(rows.map((r) => [r.surveyId, r.n]));
}

/** Recipients and those who answered, per survey. */
export async function countRecipients(db: DbOrTx, surveyIds: string[]): Promise<Map<string, { sent: number; answered: number }>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db
    .select({ surveyId: surveyRecipients.surveyId, sent: count(), answered: count(surveyRecipients.answeredAt) })
    .from(surveyRecipients)
    .where(inArray(surveyRecipients.surveyId, surveyIds))
    .groupBy(surveyRecipients.surveyId);
  return new Map(rows.map((r) => [r.surveyId, { sent: r.sent, answered: r.answered }]));
}

export async function invitedEnterprises(db: DbOrTx, surveyId: string, enterpriseIds: string[]): Promise<Set<string>> {
  if (enterpriseIds.length === 0) return new Set();
  const rows = await db
    .select({ id: surveyRecipients.enterpriseId })
    .from(surveyRecipients)
    .where(and(eq(surveyRecipients.surveyId, surveyId), inArray(surveyRecipients.enterpriseId, enterpriseIds)));
  return new Set(rows.map((r) => r.id));
}

/** Inserts the recipients; one already there (a concurrent sending) is skipped. Answers those inserted. */
export async function insertRecipients(db: DbOrTx, rows: (typeof surveyRecipients.$inferInsert)[]): Promise<RecipientRow[]> {
  if (rows.length === 0) return [];
  return db.insert(surveyRecipients).values(rows).onConflictDoNothing({ target: [surveyRecipients.surveyId, surveyRecipients.enterpriseId] }).returning();
}

export async function listRecipients(db: DbOrTx, surveyId: string): Promise<RecipientRow[]> {
  return db.select().from(surveyRecipients).where(eq(surveyRecipients.surveyId, surveyId)).orderBy(asc(surveyRecipients.invitedAt), asc(surveyRecipients.enterpriseName)).limit(10_000);
}

export async function findRecipientByTokenHash(db: DbOrTx, hash: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(surveyRecipients).where(eq(surveyRecipients.tokenHash, hash));
  return row;
}

/** Marks the link used; false when it was used already (the one-use check that holds under concurrency). */
export async function useRecipientLink(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(surveyRecipients)
    .set({ answeredAt: now })
    .where(and(eq(surveyRecipients.id, id), isNull(surveyRecipients.answeredAt)))
    .returning({ id: surveyRecipients.id });
  return rows.length === 1;
}

export async function insertResponse(db: DbOrTx, row: typeof surveyResponses.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(surveyResponses).values(row).returning({ id: surveyResponses.id });
  return inserted!.id;
}

export async function listResponses(db: DbOrTx, surveyId: string): Promise<{ answers: unknown; submittedAt: Date }[]> {
  return db.select({ answers: surveyResponses.answers, submittedAt: surveyResponses.submittedAt }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).orderBy(asc(surveyResponses.submittedAt));
}
