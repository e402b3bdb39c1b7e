import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { feedbackCases, feedbackDueDays, feedbackEvents, feedbackNumbers, feedbackTasks } from '../tables.ts';

export type CaseRow = typeof feedbackCases.$inferSelect;
export type TaskRow = typeof feedbackTasks.$inferSelect;
export type EventRow = typeof feedbackEvents.$inferSelect;

/**
 * Whose cases a staff member sees: the whole center, or those about their department, counter or
 * self, recorded or handled by them, with a task for their department, or (the 办不成事 desk) every 办不成事 matter.
 */
export type CaseScope = { kind: 'center' } | { kind: 'own'; staffId: string; departmentId: string | null; counterId: string | null; isUnresolvedDesk: boolean };

/** The next number of the day for a center; one statement, so two intakes never share a number. */
export async function nextNumber(db: DbOrTx, centerId: string, day: string): Promise<number> {
  const [row] = await db
    .insert(feedbackNumbers)
    .values({ centerId, day, last: 1 })
    .onConflictDoUpdate({ target: [feedbackNumbers.centerId, feedbackNumbers.day], set: { last: sql`${feedbackNumbers.last} + 1` } })
    .returning({ last: feedbackNumbers.last });
  return row!.last;
}

export async function insertCase(db: DbOrTx, row: typeof feedbackCases.$inferInsert): Promise<CaseRow> {
  const [inserted] = await db.insert(feedbackCases).values(row).returning();
  return inserted!;
}

export async function findCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(feedbackCases).where(eq(feedbackCases.id, id));
  return row;
}

export async function findCaseByNumber(db: DbOrTx, number: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(feedbackCases).where(eq(feedbackCases.number, number)).limit(1);
  return row;
}

export async function lockCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(feedbackCases).where(eq(feedbackCases.id, id)).for('update');
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateCase(db: DbOrTx, id: string, patch: Partial<typeof feedbackCases.$inferInsert>): Promise<void> {
  await db
    .update(feedbackCases)
    .set({ ...patch, version: sql`${feedbackCases.version} + 1` })
    .where(eq(feedbackCases.id, id));
}

export async function insertEvent(db: DbOrTx, row: typeof feedbackEvents.$inferInsert): Promise<void> {
  await db.insert(feedbackEvents).values(row);
}

export async function listEvents(db: DbOrTx, caseId: string): Promise<EventRow[]> {
  return db.select().from(feedbackEvents).where(eq(feedbackEvents.caseId, caseId)).orderBy(asc(feedbackEvents.at), asc(feedbackEvents.id));
}

export async function listDueDays(db: DbOrTx, centerId: string): Promise<{ kind: string; workingDays: number }[]> {
  return db.select({ kind: feedbackDueDays.kind, workingDays: feedbackDueDays.workingDays }).from(feedbackDueDays).where(eq(feedbackDueDays.centerId, centerId));
}

export async function upsertDueDays(db: DbOrTx, centerId: string, kind: string, workingDays: number): Promise<void> {
  await db
    .insert(feedbackDueDays)
    .values({ centerId, kind, workingDays })
    .onConflictDoUpdate({ target: [feedbackDueDays.centerId, feedbackDueDays.kind], set: { workingDays } });
}

export type CaseFilter = {
  centerId: string;
  scope: CaseScope;
  kind?: string;
  state?: string;
  isOpen?: boolean;
  /** open and past due on this business date */
  overdueOn?: string;
  departmentId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export function scopeCondition(scope: CaseScope): SQL | undefined {
  if (scope.kind === 'center') return undefined;
  const own: SQL[] = [eq(feedbackCases.staffId, scope.staffId), eq(feedbackCases.handlerId, scope.staffId), eq(feedbackCases.recordedBy, scope.staffId)];
  if (scope.isUnresolvedDesk) own.push(eq(feedbackCases.kind, 'unresolved'));
  if (scope.departmentId) {
    own.push(eq(feedbackCases.departmentId, scope.departmentId));
    own.push(sql`exists (${sqlTaskOf(scope.departmentId)})`);
  }
  if (scope.counterId) own.push(eq(feedbackCases.counterId, scope.counterId));
  return or(...own);
}

function sqlTaskOf(departmentId: string) {
  return sql`select 1 from ${feedbackTasks} where ${feedbackTasks.caseId} = ${feedbackCases.id} and ${feedbackTasks.departmentId} = ${departmentId}`;
}

const OPEN_STATES = ['received', 'assigned', 'replied'];

export async function listCases(db: DbOrTx, f: CaseFilter): Promise<{ rows: CaseRow[]; total: number }> {
  const conditions: SQL[] = [eq(feedbackCases.centerId, f.centerId)];
  const scope = scopeCondition(f.scope);
  if (scope) conditions.push(scope);
  if (f.kind) conditions.push(eq(feedbackCases.kind, f.kind));
  if (f.state) conditions.push(eq(feedbackCases.state, f.state));
  if (f.isOpen === true) conditions.push(inArray(feedbackCases.state, OPEN_STATES));
  if (f.isOpen === false) conditions.push(inArray(feedbackCases.state, ['closed', 'archived']));
  if (f.overdueOn) conditions.push(and(isNull(feedbackCases.firstRepliedAt), lt(feedbackCases.dueOn, f.overdueOn), inArray(feedbackCases.state, ['received', 'assigned']))!);
  if (f.departmentId) conditions.push(eq(feedbackCases.departmentId, f.departmentId));
  if (f.q) conditions.push(or(ilike(feedbackCases.number, `%${escapeLike(f.q)}%`), ilike(feedbackCases.content, `%${escapeLike(f.q)}%`))!);
  if (f.from) conditions.push(gte(feedbackCases.receivedAt, f.from));
  if (f.to) conditions.push(lt(feedbackCases.receivedAt, f.to));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(feedbackCases)
      .where(where)
      // open cases first, the nearest due date first
      .orderBy(sql`${feedbackCases.state} in ('closed','archived')`, asc(feedbackCases.dueOn), desc(feedbackCases.receivedAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(feedbackCases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function insertTask(db: DbOrTx, row: typeof feedbackTasks.$inferInsert): Promise<void> {
  await db.insert(feedbackTasks).values(row);
}

export async function listTasks(db: DbOrTx, caseIds: readonly string[]): Promise<TaskRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(feedbackTasks).where(inArray(feedbackTasks.caseId, [...caseIds])).orderBy(asc(feedbackTasks.createdAt));
}

export async function findTask(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(feedbackTasks).where(eq(feedbackTasks.id, id));
  return row;
}

export async function answerTask(db: DbOrTx, id: string, patch: { answer: string; answeredAt: Date; answeredBy: string }): Promise<boolean> {
  const updated = await db
    .update(feedbackTasks)
    .set(patch)
    .where(and(eq(feedbackTasks.id, id), isNull(feedbackTasks.answeredAt)))
    .returning({ id: feedbackTasks.id });
  return updated.length === 1;
}

/** Cases received in the period (all of the center, or one department's), for the figures. */
export async function listCasesReceived(db: DbOrTx, f: { centerId: string; from: Date; to: Date; departmentId?: string; kind?: string }): Promise<CaseRow[]> {
  const conditions: SQL[] = [eq(feedbackCases.centerId, f.centerId), gte(feedbackCases.receivedAt, f.from), lt(feedbackCases.receivedAt, f.to)];
  if (f.departmentId) conditions.push(eq(feedbackCases.departmentId, f.departmentId));
  if (f.kind) conditions.push(eq(feedbackCases.kind, f.kind));
  return db.select().from(feedbackCases).where(and(...conditions)).orderBy(asc(feedbackCases.receivedAt));
}

/** Unanswered cases past their due date whose chief officer has not been alerted yet. */
export async function listOverdueUnalerted(db: DbOrTx, today: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(feedbackCases)
    .where(and(isNull(feedbackCases.firstRepliedAt), isNull(feedbackCases.overdueAlertedAt), lt(feedbackCases.dueOn, today), inArray(feedbackCases.state, ['received', 'assigned'])))
    .limit(500);
}

/** Marks the alert once; false when another process did it first. */
export async function markAlerted(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(feedbackCases)
    .set({ overdueAlertedAt: at })
    .where(and(eq(feedbackCases.id, id), isNull(feedbackCases.overdueAlertedAt)))
    .returning({ id: feedbackCases.id });
  return updated.length === 1;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
