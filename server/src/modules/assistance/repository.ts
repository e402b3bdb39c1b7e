import { and, asc, getTableColumns, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { withinCenters } from '../../platform/db/center-scope.ts';
import { staffDisplayName } from '../staff/lookups.ts';
import { assistanceRecords, videoSessions, videoSignals } from './tables.ts';

export type RecordRow = typeof assistanceRecords.$inferSelect;
export type SessionRow = typeof videoSessions.$inferSelect;
export type SignalRow = typeof videoSignals.$inferSelect;

// — the ledger —

export async function insertRecord(db: DbOrTx, row: typeof assistanceRecords.$inferInsert): Promise<RecordRow> {
  const [inserted] = await db.insert(assistanceRecords).values(row).returning();
  return inserted!;
}

export async function findRecord(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<RecordRow | undefined> {
  const query = db.select().from(assistanceRecords).where(eq(assistanceRecords.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateRecord(db: DbOrTx, id: string, patch: Partial<typeof assistanceRecords.$inferInsert>): Promise<void> {
  await db
    .update(assistanceRecords)
    .set({ ...patch, version: sql`${assistanceRecords.version} + 1` })
    .where(eq(assistanceRecords.id, id));
}

const recordView = { ...getTableColumns(assistanceRecords), assistantName: staffDisplayName(assistanceRecords.assistantId) };
const sessionView = { ...getTableColumns(videoSessions), assistantName: staffDisplayName(videoSessions.assistantId) };
export type RecordView = RecordRow & { assistantName: string | null };
export type SessionView = SessionRow & { assistantName: string | null };

export async function findRecordView(db: DbOrTx, id: string): Promise<RecordView | undefined> {
  const [row] = await db.select(recordView).from(assistanceRecords).where(eq(assistanceRecords.id, id));
  return row;
}

export type RecordFilter = { centerId: string; from?: string; to?: string; mode?: RecordRow['mode']; result?: RecordRow['result']; followUp?: 'due' | 'overdue'; today: string };

export async function listRecords(db: DbOrTx, f: RecordFilter): Promise<RecordView[]> {
  const conditions: SQL[] = [eq(assistanceRecords.centerId, f.centerId)];
  if (f.from) conditions.push(gte(assistanceRecords.businessDate, f.from));
  if (f.to) conditions.push(lte(assistanceRecords.businessDate, f.to));
  if (f.mode) conditions.push(eq(assistanceRecords.mode, f.mode));
  if (f.result) conditions.push(eq(assistanceRecords.result, f.result));
  if (f.followUp) {
    conditions.push(isNotNull(assistanceRecords.followUpDueOn), isNull(assistanceRecords.followUpDoneAt));
    if (f.followUp === 'overdue') conditions.push(lt(assistanceRecords.followUpDueOn, f.today));
  }
  return db
    .select(recordView)
    .from(assistanceRecords)
    .where(and(...conditions))
    .orderBy(desc(assistanceRecords.assistedAt))
    .limit(500);
}



/** Counts of a center's records between two business dates, by mode and result; open follow-ups due by `today` and before it. */
export async function recordFigures(db: DbOrTx, centerScope: readonly string[] | null, centerId: string, from: string, to: string, today: string) {
  const inCenter = and(eq(assistanceRecords.centerId, centerId), withinCenters(assistanceRecords.centerId, centerScope));
  const groups = await db
    .select({ mode: assistanceRecords.mode, result: assistanceRecords.result, n: sql<number>`count(*)::int`, seconds: sql<number>`coalesce(sum(${assistanceRecords.durationSeconds}), 0)::int` })
    .from(assistanceRecords)
    .where(and(inCenter, gte(assistanceRecords.businessDate, from), lte(assistanceRecords.businessDate, to)))
    .groupBy(assistanceRecords.mode, assistanceRecords.result);
  const [open] = await db
    .select({
      due: sql<number>`count(*) filter (where ${assistanceRecords.followUpDueOn} <= ${today})::int`,
      overdue: sql<number>`count(*) filter (where ${assistanceRecords.followUpDueOn} < ${today})::int`,
    })
    .from(assistanceRecords)
    .where(and(inCenter, isNotNull(assistanceRecords.followUpDueOn), isNull(assistanceRecords.followUpDoneAt)));
  return { groups, due: open?.due ?? 0, overdue: open?.overdue ?? 0 };
}

// — video sessions —

export async function insertSession(db: DbOrTx, row: typeof videoSessions.$inferInsert): Promise<SessionRow | undefined> {
  const [inserted] = await db.insert(videoSessions).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findSession(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<SessionView | undefined> {
  const query = db.select(sessionView).from(videoSessions).where(eq(videoSessions.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateSession(db: DbOrTx, id: string, patch: Partial<typeof videoSessions.$inferInsert>): Promise<void> {
  await db
    .update(videoSessions)
    .set({ ...patch, version: sql`${videoSessions.version} + 1` })
    .where(eq(videoSessions.id, id));
}

/** The slots of a center taken between two instants (not cancelled). */
export async function takenSlots(db: DbOrTx, centerId: string, from: Date, to: Date): Promise<Date[]> {
  const rows = await db
    .select({ startsAt: videoSessions.startsAt })
    .from(videoSessions)
    .where(and(eq(videoSessions.centerId, centerId), ne(videoSessions.state, 'cancelled'), gte(videoSessions.startsAt, from), lt(videoSessions.startsAt, to)));
  return rows.map((r) => r.startsAt);
}

export async function listSessions(db: DbOrTx, f: { centerId?: string; uscc?: string; since?: Date }): Promise<SessionView[]> {
  const conditions: SQL[] = [];
  if (f.centerId) conditions.push(eq(videoSessions.centerId, f.centerId));
  if (f.uscc) conditions.push(eq(videoSessions.uscc, f.uscc));
  if (f.since) conditions.push(gte(videoSessions.startsAt, f.since));
  return db
    .select(sessionView)
    .from(videoSessions)
    .where(and(...conditions))
    .orderBy(f.since ? asc(videoSessions.startsAt) : desc(videoSessions.startsAt))
    .limit(200);
}

export async function recordIdsOfSessions(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: assistanceRecords.id, sessionId: assistanceRecords.videoSessionId })
    .from(assistanceRecords)
    .where(inArray(assistanceRecords.videoSessionId, [...ids]));
  return new Map(rows.map((r) => [r.sessionId!, r.id]));
}

// — signalling —

export async function insertSignal(db: DbOrTx, row: typeof videoSignals.$inferInsert): Promise<SignalRow> {
  const [inserted] = await db.insert(videoSignals).values(row).returning();
  return inserted!;
}

/** The signals one side sent, in order (after `afterId` when given). */
export async function signalsFrom(db: DbOrTx, sessionId: string, side: SignalRow['side'], afterId = 0): Promise<SignalRow[]> {
  return db
    .select()
    .from(videoSignals)
    .where(and(eq(videoSignals.sessionId, sessionId), eq(videoSignals.side, side), gt(videoSignals.id, afterId)))
    .orderBy(asc(videoSignals.id));
}

export async function findSignal(db: DbOrTx, id: number): Promise<SignalRow | undefined> {
  const [row] = await db.select().from(videoSignals).where(eq(videoSignals.id, id));
  return row;
}
