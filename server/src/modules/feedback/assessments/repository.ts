import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { assessmentFindings, assessmentReports } from '../tables.ts';

export type ReportRow = typeof assessmentReports.$inferSelect;
export type FindingRow = typeof assessmentFindings.$inferSelect;

export async function insertReport(db: DbOrTx, row: typeof assessmentReports.$inferInsert): Promise<ReportRow> {
  const [inserted] = await db.insert(assessmentReports).values(row).returning();
  return inserted!;
}

export async function findReport(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<ReportRow | undefined> {
  const query = db.select().from(assessmentReports).where(eq(assessmentReports.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateReport(db: DbOrTx, id: string, patch: Partial<typeof assessmentReports.$inferInsert>): Promise<void> {
  await db
    .update(assessmentReports)
    .set({ ...patch, version: sql`${assessmentReports.version} + 1` })
    .where(eq(assessmentReports.id, id));
}

export async function listReports(db: DbOrTx, f: { centerId: string; kind?: string }): Promise<ReportRow[]> {
  return db
    .select()
    .from(assessmentReports)
    .where(and(eq(assessmentReports.centerId, f.centerId), f.kind ? eq(assessmentReports.kind, f.kind) : undefined))
    .orderBy(desc(assessmentReports.periodTo), desc(assessmentReports.createdAt))
    .limit(500);
}

/** Appends findings after the report's last one. */
export async function appendFindings(db: DbOrTx, reportId: string, rows: { problem: string; recommendation: string }[]): Promise<FindingRow[]> {
  if (rows.length === 0) return [];
  const [last] = await db.select({ n: sql<number>`coalesce(max(${assessmentFindings.position}), 0)` }).from(assessmentFindings).where(eq(assessmentFindings.reportId, reportId));
  const start = Number(last?.n ?? 0);
  return db
    .insert(assessmentFindings)
    .values(rows.map((r, i) => ({ reportId, position: start + i + 1, problem: r.problem, recommendation: r.recommendation })))
    .returning();
}

export async function listFindings(db: DbOrTx, reportId: string): Promise<FindingRow[]> {
  return db.select().from(assessmentFindings).where(eq(assessmentFindings.reportId, reportId)).orderBy(asc(assessmentFindings.position));
}

export async function lockFinding(db: DbOrTx, id: string): Promise<FindingRow | undefined> {
  const [row] = await db.select().from(assessmentFindings).where(eq(assessmentFindings.id, id)).for('update');
  return row;
}

export async function setFindingImprovement(db: DbOrTx, id: string, improvementId: string): Promise<void> {
  await db.update(assessmentFindings).set({ improvementId }).where(eq(assessmentFindings.id, id));
}

/** Findings and the improvements they raised, per report. */
export async function countFindings(db: DbOrTx, reportIds: string[]): Promise<Map<string, { findings: number; improvements: number }>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .select({ reportId: assessmentFindings.reportId, findings: count(), improvements: count(assessmentFindings.improvementId) })
    .from(assessmentFindings)
    .where(inArray(assessmentFindings.reportId, reportIds))
    .groupBy(assessmentFindings.reportId);
  return new Map(rows.map((r) => [r.reportId, { findings: r.findings, improvements: r.improvements }]));
}
