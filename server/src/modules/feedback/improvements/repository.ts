import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { improvementRechecks, improvements } from '../tables.ts';

export type ImprovementRow = typeof improvements.$inferSelect;
export type RecheckRow = typeof improvementRechecks.$inferSelect;

export async function insertImprovement(db: DbOrTx, row: typeof improvements.$inferInsert): Promise<ImprovementRow> {
  const [inserted] = await db.insert(improvements).values(row).returning();
  return inserted!;
}

export async function findImprovement(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<ImprovementRow | undefined> {
  const query = db.select().from(improvements).where(eq(improvements.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function findImprovements(db: DbOrTx, ids: readonly string[]): Promise<ImprovementRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(improvements).where(inArray(improvements.id, [...ids]));
}

export async function updateImprovement(db: DbOrTx, id: string, patch: Partial<typeof improvements.$inferInsert>): Promise<void> {
  await db
    .update(improvements)
    .set({ ...patch, version: sql`${improvements.version} + 1` })
    .where(eq(improvements.id, id));
}

export async function listImprovements(db: DbOrTx, f: { centerId: string; state?: string; ownerId?: string; caseId?: string }): Promise<ImprovementRow[]> {
  const conditions: SQL[] = [eq(improvements.centerId, f.centerId)];
  if (f.state) conditions.push(eq(improvements.state, f.state));
  if (f.ownerId) conditions.push(eq(improvements.ownerId, f.ownerId));
  if (f.caseId) conditions.push(eq(improvements.caseId, f.caseId));
  return db.select().from(improvements).where(and(...conditions)).orderBy(desc(improvements.createdAt)).limit(500);
}

export async function insertRecheck(db: DbOrTx, row: typeof improvementRechecks.$inferInsert): Promise<void> {
  await db.insert(improvementRechecks).values(row);
}

export async function listRechecks(db: DbOrTx, ids: readonly string[]): Promise<RecheckRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(improvementRechecks).where(inArray(improvementRechecks.improvementId, [...ids])).orderBy(asc(improvementRechecks.checkedAt));
}
