import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { experienceFindings, experienceOfficers, experienceReports, experienceTasks, improvements } from '../tables.ts';

export type OfficerRow = typeof experienceOfficers.$inferSelect;
export type TaskRow = typeof experienceTasks.$inferSelect;
export type ReportRow = typeof experienceReports.$inferSelect;
export type FindingRow = typeof experienceFindings.$inferSelect;

export async function insertOfficer(db: DbOrTx, row: typeof experienceOfficers.$inferInsert): Promise<OfficerRow> {
  const [inserted] = await db.insert(experienceOfficers).values(row).returning();
  return inserted!;
}

export async function findOfficer(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<OfficerRow | undefined> {
  const query = db.select().from(experienceOfficers).where(eq(experienceOfficers.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateOfficer(db: DbOrTx, id: string, patch: Partial<typeof experienceOfficers.$inferInsert>): Promise<void> {
  await db
    .update(experienceOfficers)
    .set({ ...patch, version: sql`${experienceOfficers.version} + 1` })
    .where(eq(experienceOfficers.id, id));
}

export async function listOfficers(db: DbOrTx, centerId: string, isActive?: boolean): Promise<OfficerRow[]> {
  const conditions: SQL[] = [eq(experienceOfficers.centerId, centerId)];
  if (isActive !== undefined) conditions.push(eq(experienceOfficers.isActive, isActive));
  return db
    .select()
    .from(experienceOfficers)
    .where(and(...conditions))
    .orderBy(desc(experienceOfficers.isActive), asc(experienceOfficers.createdAt));
}

/** Tasks and reported tasks per officer. */
export async function countTasks(db: DbOrTx, centerId: string): Promise<{ officerId: string; state: string; n: number }[]> {
  return db
    .select({ officerId: experienceTasks.officerId, state: experienceTasks.state, n: count() })
    .from(experienceTasks)
    .where(eq(experienceTasks.centerId, centerId))
    .groupBy(experienceTasks.officerId, experienceTasks.state);
}

export async function insertTask(db: DbOrTx, row: typeof experienceTasks.$inferInsert): Promise<TaskRow> {
  const [inserted] = await db.insert(experienceTasks).values(row).returning();
  return inserted!;
}

export async function findTask(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<TaskRow | undefined> {
  const query = db.select().from(experienceTasks).where(eq(experienceTasks.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateTask(db: DbOrTx, id: string, patch: Partial<typeof experienceTasks.$inferInsert>): Promise<void> {
  await db
    .update(experienceTasks)
    .set({ ...patch, version: sql`${experienceTasks.version} + 1` })
    .where(eq(experienceTasks.id, id));
}

export async function listTasks(db: DbOrTx, f: { centerId: string; from?: string; to?: string; state?: string; officerId?: string; ids?: readonly string[] }): Promise<TaskRow[]> {
  const conditions: SQL[] = [eq(experienceTasks.centerId, f.centerId)];
  if (f.from) conditions.push(gte(experienceTasks.scheduledOn, f.from));
  if (f.to) conditions.push(lte(experienceTasks.scheduledOn, f.to));
  if (f.state) conditions.push(eq(experienceTasks.state, f.state as TaskRow['state']));
  if (f.officerId) conditions.push(eq(experienceTasks.officerId, f.officerId));
  if (f.ids) {
    if (f.ids.length === 0) return [];
    conditions.push(inArray(experienceTasks.id, [...f.ids]));
  }
  return db
    .select()
    .from(experienceTasks)
    .where(and(...conditions))
    .orderBy(desc(experienceTasks.scheduledOn), desc(experienceTasks.createdAt))
    .limit(500);
}

export async function insertReport(db: DbOrTx, row: typeof experienceReports.$inferInsert): Promise<ReportRow> {
  const [inserted] = await db.insert(experienceReports).values(row).returning();
  return inserted!;
}

export async function listReports(db: DbOrTx, taskIds: readonly string[]): Promise<ReportRow[]> {
  if (taskIds.length === 0) return [];
  return db.select().from(experienceReports).where(inArray(experienceReports.taskId, [...taskIds]));
}

export async function insertFindings(db: DbOrTx, rows: (typeof experienceFindings.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(experienceFindings).values(rows);
}

export async function findFinding(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<FindingRow | undefined> {
  const query = db.select().from(experienceFindings).where(eq(experienceFindings.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateFinding(db: DbOrTx, id: string, patch: Partial<typeof experienceFindings.$inferInsert>): Promise<void> {
  await db
    .update(experienceFindings)
    .set({ ...patch, version: sql`${experienceFindings.version} + 1` })
    .where(eq(experienceFindings.id, id));
}

export async function listFindings(db: DbOrTx, f: { centerId: string; reportIds?: readonly string[]; state?: string; ids?: readonly string[] }): Promise<FindingRow[]> {
  const conditions: SQL[] = [eq(experienceFindings.centerId, f.centerId)];
  if (f.reportIds) {
    if (f.reportIds.length === 0) return [];
    conditions.push(inArray(experienceFindings.reportId, [...f.reportIds]));
  }
  if (f.ids) {
    if (f.ids.length === 0) return [];
    conditions.push(inArray(experienceFindings.id, [...f.ids]));
  }
  if (f.state) conditions.push(eq(experienceFindings.state, f.state as FindingRow['state']));
  return db.select().from(experienceFindings).where(and(...conditions)).orderBy(asc(experienceFindings.reportId), asc(experienceFindings.ordinal)).limit(1000);
}

export async function findReport(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(experienceReports).where(eq(experienceReports.id, id));
  return row;
}

export async function listReportsByIds(db: DbOrTx, ids: readonly string[]): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(experienceReports).where(inArray(experienceReports.id, [...ids]));
}

/** The improvements that follow the given findings. */
export async function listImprovementsOfFindings(db: DbOrTx, findingIds: readonly string[]) {
  if (findingIds.length === 0) return [];
  return db
    .select({ id: improvements.id, findingId: improvements.findingId, state: improvements.state, target: improvements.target, ownerId: improvements.ownerId, dueOn: improvements.dueOn })
    .from(improvements)
    .where(inArray(improvements.findingId, [...findingIds]));
}
