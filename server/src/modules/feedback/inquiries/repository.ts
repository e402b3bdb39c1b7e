import { and, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { inquiries, inquiryViolations } from '../tables.ts';

export type InquiryRow = typeof inquiries.$inferSelect;
export type ViolationRow = typeof inquiryViolations.$inferSelect;

export async function insertInquiry(db: DbOrTx, row: typeof inquiries.$inferInsert): Promise<InquiryRow> {
  const [inserted] = await db.insert(inquiries).values(row).returning();
  return inserted!;
}

export async function findInquiry(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<InquiryRow | undefined> {
  const query = db.select().from(inquiries).where(eq(inquiries.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateInquiry(db: DbOrTx, id: string, patch: Partial<typeof inquiries.$inferInsert>): Promise<void> {
  await db
    .update(inquiries)
    .set({ ...patch, version: sql`${inquiries.version} + 1` })
    .where(eq(inquiries.id, id));
}

export type InquiryBox = { kind: 'mine'; staffId: string } | { kind: 'incoming'; staffId: string; departmentId: string | null } | { kind: 'center' };

export async function listInquiries(db: DbOrTx, f: { centerId: string; box: InquiryBox; from?: string; to?: string; outcome?: string }): Promise<InquiryRow[]> {
  const conditions: SQL[] = [eq(inquiries.centerId, f.centerId)];
  const box = f.box;
  if (box.kind === 'mine') conditions.push(eq(inquiries.firstResponderId, box.staffId));
  if (box.kind === 'incoming') {
    const toMe: SQL[] = [eq(inquiries.transferStaffId, box.staffId)];
    if (box.departmentId) toMe.push(and(isNull(inquiries.transferStaffId), eq(inquiries.transferDepartmentId, box.departmentId))!);
    conditions.push(
      or(
        and(eq(inquiries.outcome, 'transferred'), or(...toMe), sql`${inquiries.firstResponderId} <> ${box.staffId}`),
        and(eq(inquiries.outcome, 'pending'), eq(inquiries.receivedBy, box.staffId)),
      )!,
    );
  }
  if (f.from) conditions.push(gte(inquiries.businessDate, f.from));
  if (f.to) conditions.push(lte(inquiries.businessDate, f.to));
  if (f.outcome) conditions.push(eq(inquiries.outcome, f.outcome as InquiryRow['outcome']));
  return db
    .select()
    .from(inquiries)
    .where(and(...conditions))
    .orderBy(desc(inquiries.askedAt))
    .limit(500);
}

/** The business date (Asia/Shanghai) of a timestamp column, in SQL. */
const dayOf = (column: unknown) => sql`(${column} at time zone 'Asia/Shanghai')::date`;

/**
 * Inquiries whose answer was due before `today` and came late or not at all, not yet flagged.
 * An inquiry answered on the spot has no due date and is never a candidate.
 */
export async function listUnansweredCandidates(db: DbOrTx, today: string, limit = 500): Promise<InquiryRow[]> {
  return db
    .select()
    .from(inquiries)
    .where(
      and(
        sql`${inquiries.replyDueOn} < ${today}::date`,
        or(isNull(inquiries.repliedAt), sql`${dayOf(inquiries.repliedAt)} > ${inquiries.replyDueOn}`),
        sql`not exists (select 1 from ${inquiryViolations} where ${inquiryViolations.inquiryId} = ${inquiries.id} and ${inquiryViolations.kind} = 'unanswered')`,
      ),
    )
    .limit(limit);
}

/**
 * Transfers whose limit passed before `today` with nobody receiving them in time (and the first
 * responder not answering it in time either), not yet flagged.
 */
export async function listNotReceivedCandidates(db: DbOrTx, today: string, limit = 500): Promise<InquiryRow[]> {
  return db
    .select()
    .from(inquiries)
    .where(
      and(
        sql`${inquiries.transferDueOn} < ${today}::date`,
        or(isNull(inquiries.receivedAt), sql`${dayOf(inquiries.receivedAt)} > ${inquiries.transferDueOn}`),
        or(isNull(inquiries.repliedAt), sql`${dayOf(inquiries.repliedAt)} > ${inquiries.transferDueOn}`),
        sql`not exists (select 1 from ${inquiryViolations} where ${inquiryViolations.inquiryId} = ${inquiries.id} and ${inquiryViolations.kind} = 'not_received')`,
      ),
    )
    .limit(limit);
}

/** Records a violation once: null when it was already there (another run or process was first). */
export async function insertViolation(db: DbOrTx, row: typeof inquiryViolations.$inferInsert): Promise<ViolationRow | null> {
  const [inserted] = await db
    .insert(inquiryViolations)
    .values(row)
    .onConflictDoNothing({ target: [inquiryViolations.inquiryId, inquiryViolations.kind] })
    .returning();
  return inserted ?? null;
}

export async function findViolation(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<ViolationRow | undefined> {
  const query = db.select().from(inquiryViolations).where(eq(inquiryViolations.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function updateViolation(db: DbOrTx, id: string, patch: Partial<typeof inquiryViolations.$inferInsert>): Promise<void> {
  await db
    .update(inquiryViolations)
    .set({ ...patch, version: sql`${inquiryViolations.version} + 1` })
    .where(eq(inquiryViolations.id, id));
}

/** A manager's view: the whole center, or one department's staff plus what was flagged to them. */
export type ViolationScope = { kind: 'center' } | { kind: 'department'; departmentId: string | null; managerId: string };

export async function listViolations(
  db: DbOrTx,
  f: { centerId: string; scope: ViolationScope; from: string; to: string; staffId?: string; departmentId?: string; kind?: string; isOpen?: boolean },
): Promise<ViolationRow[]> {
  const conditions: SQL[] = [eq(inquiryViolations.centerId, f.centerId), sql`${dayOf(inquiryViolations.flaggedAt)} between ${f.from}::date and ${f.to}::date`];
  if (f.scope.kind === 'department') {
    const mine: SQL[] = [eq(inquiryViolations.managerId, f.scope.managerId)];
    if (f.scope.departmentId) mine.push(eq(inquiryViolations.departmentId, f.scope.departmentId));
    conditions.push(or(...mine)!);
  }
  if (f.staffId) conditions.push(eq(inquiryViolations.staffId, f.staffId));
  if (f.departmentId) conditions.push(eq(inquiryViolations.departmentId, f.departmentId));
  if (f.kind) conditions.push(eq(inquiryViolations.kind, f.kind as ViolationRow['kind']));
  if (f.isOpen === true) conditions.push(isNull(inquiryViolations.handledAt));
  if (f.isOpen === false) conditions.push(sql`${inquiryViolations.handledAt} is not null`);
  return db
    .select()
    .from(inquiryViolations)
    .where(and(...conditions))
    .orderBy(desc(inquiryViolations.flaggedAt))
    .limit(1000);
}

/** The in-app notice: violations flagged to this manager and not yet dealt with. */
export async function countOpenFlaggedTo(db: DbOrTx, managerId: string): Promise<number> {
  return db.$count(inquiryViolations, and(eq(inquiryViolations.managerId, managerId), isNull(inquiryViolations.handledAt)));
}

export async function listInquiriesByIds(db: DbOrTx, ids: readonly string[]): Promise<InquiryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(inquiries)
    .where(inArray(inquiries.id, [...ids]));
}

